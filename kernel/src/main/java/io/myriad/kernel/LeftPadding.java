package io.myriad.kernel;

/**
 * Two cache lines of padding for a class whose fields one worker writes at a high rate (an outbox, an inbox, a
 * declared model's scope): extend it from the class that declares those fields, and end the class with padding of
 * its own, so that two workers' objects, allocated one after the other, never share a cache line. The fields of a
 * class are laid out after its superclass's, which is what keeps these in front.
 */
public abstract class LeftPadding
{
    long p01;
    long p02;
    long p03;
    long p04;
    long p05;
    long p06;
    long p07;
    long p08;
    long p09;
    long p10;
    long p11;
    long p12;
    long p13;
    long p14;
    long p15;
}
