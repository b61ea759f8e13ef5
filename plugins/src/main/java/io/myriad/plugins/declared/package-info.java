/**
 * Models declared in a scenario instead of Java: {@link io.myriad.plugins.declared.DeclaredSpec} says what the
 * scenario's blocks declare (agent types with typed fields, initial values and a policy of if/then rules;
 * channels; connections; engine rules; events; metrics), and {@link io.myriad.plugins.declared.DeclaredModel}
 * compiles it once into kernel agent types, channels and phases whose expressions are trees of compiled nodes.
 */
package io.myriad.plugins.declared;
