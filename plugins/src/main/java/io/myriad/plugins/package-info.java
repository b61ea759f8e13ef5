/**
 * Models that ship with Myriad, each a {@link io.myriad.kernel.model.ModelPlugin} found through
 * {@link java.util.ServiceLoader}, one package per model.
 */
package io.myriad.plugins;
