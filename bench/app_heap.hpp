// The C++ heap of a benchmark's own process, counted by replacing the global operator new and
// delete (bench/app_heap.cpp, linked into the benchmarks that read it).
//
// glibc's heap in use (heap_usage.hpp) also counts what Mesa's C code mallocs, and that moves by
// 25-40 MiB between identical rounds of frames with how llvmpipe's threads got the CPU (two soaks
// of the same six rounds here ended them anywhere between 98 and 162 MiB). What is handed out by
// operator new and not yet deleted is Medius's own C++ and the C++ it calls (the server library;
// LLVM, which Mesa compiles shaders with, since the executable exports these operators): it
// repeats to about 10 KB from one identical round to the next, so a leak stands out.
#pragma once

namespace medius::bench {

double appHeapMiB();

}  // namespace medius::bench
