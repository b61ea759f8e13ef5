/**
 * Channels between agents, each a part of the world: {@link io.myriad.kernel.channel.BroadcastChannel} (one copy
 * read by every receiver), {@link io.myriad.kernel.channel.DirectChannel} (point to point, with a
 * {@link io.myriad.kernel.channel.Latency} in steps or sim seconds), {@link io.myriad.kernel.channel.TopicChannel}
 * (publish/subscribe, subscriptions changing during the run) and {@link io.myriad.kernel.channel.SharedRegion}
 * (typed records with read and write permission). Messages are fixed-size records of a
 * {@link io.myriad.layouts.CommandSchema}, held off-heap in a ring of the channel's capacity with a
 * {@link io.myriad.kernel.channel.FullPolicy}; sends, writes and subscriptions are kernel commands applied in batch
 * order, delivery happens at the start of a step, and an agent reads its {@link io.myriad.kernel.channel.Inbox}
 * when it is next activated. {@link io.myriad.kernel.channel.Access} says who may send, receive, read or write.
 */
package io.myriad.kernel.channel;
