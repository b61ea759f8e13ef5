/**
 * The {@code myriad} command line: {@link io.myriad.tools.Main} builds the picocli command tree ({@code run},
 * {@code models}, {@code help}) and maps failures to exit statuses: 0 for success, 1 for a run that failed
 * (out of memory, an internal error), 2 for bad input (a bad scenario, flag or parameter), which is reported in
 * one line that says what is wrong, where and how to fix it.
 */
package io.myriad.tools;
