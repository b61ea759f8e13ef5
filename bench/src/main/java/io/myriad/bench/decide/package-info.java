/**
 * The deciders' harness: how near a chat-completions decider comes to the decision rate its concurrency bound
 * allows, and what decisions in flight cost the simulation's own steps.
 */
package io.myriad.bench.decide;
