// What the benchmarks read of their own memory: glibc's heap in use and the resident set.
#pragma once

#include <malloc.h>
#include <unistd.h>

#include <fstream>

namespace medius::bench {

// Bytes the process holds from malloc (all arenas, mmapped chunks included): what is in use,
// whatever glibc keeps in its pools or returns to the system. Mesa's mallocs count here too.
inline double heapInUseMiB() {
    const struct mallinfo2 info = mallinfo2();
    return static_cast<double>(info.uordblks + info.hblkhd) / 1048576.0;
}

inline double residentMiB() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

}  // namespace medius::bench
