/**
 * The event clock's pending events: {@link io.myriad.kernel.event.EventQueue}, a part of the world ordered by
 * (time, priority, sequence) that hands a step every event due at the earliest (time, priority) as
 * {@link io.myriad.kernel.event.DueEvents}; {@link io.myriad.kernel.event.EventDescriptor} lays out an event's four
 * words, in memory and in checkpoints. Scheduling and taking allocate nothing once the queue has held its most
 * events.
 */
package io.myriad.kernel.event;
