package io.myriad.plugins.declared;

/**
 * Padding before a scope's fields, so that two workers' scopes, allocated one after the other, never share a
 * cache line.
 */
abstract class ScopeLeftPadding
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
