/**
 * The {@code poisson} model: agents on the event clock, each deciding at its own times (a Poisson process by
 * default), the event clock's end-to-end benchmark and its simplest example.
 */
package io.myriad.plugins.poisson;
