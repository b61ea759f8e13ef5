/*
 * The drift kernel in C with OpenMP: the baseline that Myriad's Java kernels are measured against.
 *
 *   x[i] += vx[i] * dt; y[i] += vy[i] * dt;    for every agent i, dt = 0.1, in place
 *
 * Four 64-byte-aligned double columns (structure of arrays), first touched in parallel with the same static
 * schedule as the ticks so that each thread's pages are its own. Every tick is one parallel for, timed with
 * CLOCK_MONOTONIC. Prints one JSON line; the checksum (sum of x after the run, summed in index order so it is
 * the same for any thread count) keeps the compiler from dropping work.
 *
 * Usage: drift-c [agents [threads [ticks [warmup_ticks]]]]
 *   defaults: 33554432 agents, OMP_NUM_THREADS (or all cores) threads, 50 timed ticks, 5 warm-up ticks.
 *
 * Build: gcc -O3 -march=native -fopenmp -o drift-c drift.c   (see bench/scripts/drift-c.sh)
 */
#define _POSIX_C_SOURCE 199309L

#include <errno.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ALIGNMENT 64
#define DT 0.1

static long parse_count(const char *arg, const char *what, const long min)
{
    char *end = NULL;
    errno = 0;
    const long value = strtol(arg, &end, 10);
    if (errno != 0 || end == arg || *end != '\0' || value < min)
    {
        fprintf(stderr, "drift-c: %s must be an integer of at least %ld, got '%s'\n", what, min, arg);
        exit(2);
    }
    return value;
}

static double *allocate_column(const long agents, const char *name)
{
    const size_t bytes = ((size_t)agents * sizeof(double) + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
    double *column = aligned_alloc(ALIGNMENT, bytes);
    if (column == NULL)
    {
        fprintf(stderr, "drift-c: cannot allocate %zu bytes for column %s\n", bytes, name);
        exit(1);
    }
    return column;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int compare_int64(const void *a, const void *b)
{
    const int64_t l = *(const int64_t *)a;
    const int64_t r = *(const int64_t *)b;
    return (l > r) - (l < r);
}

static void drift(
    double *restrict x, double *restrict y, const double *restrict vx, const double *restrict vy, const long agents)
{
    #pragma omp parallel for schedule(static)
    for (long i = 0; i < agents; i++)
    {
        x[i] += vx[i] * DT;
        y[i] += vy[i] * DT;
    }
}

int main(int argc, char **argv)
{
    if (argc > 5)
    {
        fprintf(stderr, "usage: drift-c [agents [threads [ticks [warmup_ticks]]]]\n");
        return 2;
    }
    const long agents = argc > 1 ? parse_count(argv[1], "agents", 1) : 33554432L;
    const int threads = argc > 2 ? (int)parse_count(argv[2], "threads", 1) : omp_get_max_threads();
    const long ticks = argc > 3 ? parse_count(argv[3], "ticks", 1) : 50;
    const long warmup = argc > 4 ? parse_count(argv[4], "warmup_ticks", 0) : 5;
    omp_set_num_threads(threads);

    double *x = allocate_column(agents, "x");
    double *y = allocate_column(agents, "y");
    double *vx = allocate_column(agents, "vx");
    double *vy = allocate_column(agents, "vy");

    /* First touch with the tick's schedule: each thread faults in the pages it will sweep. */
    #pragma omp parallel for schedule(static)
    for (long i = 0; i < agents; i++)
    {
        x[i] = i * 0.5;
        y[i] = -i * 0.25;
        vx[i] = ((i % 17) - 8) * 0.125;
        vy[i] = ((i % 13) - 6) * 0.25;
    }

    for (long t = 0; t < warmup; t++)
    {
        drift(x, y, vx, vy, agents);
    }

    int64_t *tick_ns = malloc((size_t)ticks * sizeof(int64_t));
    if (tick_ns == NULL)
    {
        fprintf(stderr, "drift-c: cannot allocate tick times\n");
        return 1;
    }
    for (long t = 0; t < ticks; t++)
    {
        const int64_t start = now_ns();
        drift(x, y, vx, vy, agents);
        tick_ns[t] = now_ns() - start;
    }

    double checksum = 0.0;
    for (long i = 0; i < agents; i++)
    {
        checksum += x[i];
    }

    qsort(tick_ns, (size_t)ticks, sizeof(int64_t), compare_int64);
    const double median_ns = (ticks & 1) ?
        (double)tick_ns[ticks / 2] : 0.5 * ((double)tick_ns[ticks / 2 - 1] + (double)tick_ns[ticks / 2]);

    printf(
        "{\"impl\":\"c\",\"agents\":%ld,\"threads\":%d,\"ticks\":%ld,"
        "\"agent_updates_per_second_median\":%.0f,\"tick_ns_median\":%.0f,\"tick_ns_min\":%lld,"
        "\"checksum\":%.17g}\n",
        agents, threads, ticks, agents / (median_ns * 1e-9), median_ns, (long long)tick_ns[0], checksum);

    free(tick_ns);
    free(vy);
    free(vx);
    free(y);
    free(x);
    return 0;
}
