// Counts the bytes operator new hands out and delete takes back (app_heap.hpp says why).
#include "app_heap.hpp"

#include <malloc.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace medius::bench {
namespace {

std::atomic<long long> appHeapBytes{0};

void* countedAlloc(std::size_t n, std::size_t alignment, bool nothrow) {
    void* p = nullptr;
    if (alignment <= alignof(std::max_align_t))
        p = std::malloc(n ? n : 1);
    else if (posix_memalign(&p, alignment, n ? n : 1) != 0)
        p = nullptr;
    if (!p) {
        if (nothrow) return nullptr;
        throw std::bad_alloc();
    }
    appHeapBytes.fetch_add(static_cast<long long>(malloc_usable_size(p)),
                           std::memory_order_relaxed);
    return p;
}

void countedFree(void* p) noexcept {
    if (!p) return;
    appHeapBytes.fetch_sub(static_cast<long long>(malloc_usable_size(p)),
                           std::memory_order_relaxed);
    std::free(p);
}

}  // namespace

double appHeapMiB() {
    return static_cast<double>(appHeapBytes.load(std::memory_order_relaxed)) / 1048576.0;
}

}  // namespace medius::bench

using medius::bench::countedAlloc;
using medius::bench::countedFree;

void* operator new(std::size_t n) {
    return countedAlloc(n, 0, false);
}
void* operator new[](std::size_t n) {
    return countedAlloc(n, 0, false);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    return countedAlloc(n, 0, true);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    return countedAlloc(n, 0, true);
}
void* operator new(std::size_t n, std::align_val_t a) {
    return countedAlloc(n, static_cast<std::size_t>(a), false);
}
void* operator new[](std::size_t n, std::align_val_t a) {
    return countedAlloc(n, static_cast<std::size_t>(a), false);
}
void operator delete(void* p) noexcept {
    countedFree(p);
}
void operator delete[](void* p) noexcept {
    countedFree(p);
}
void operator delete(void* p, std::size_t) noexcept {
    countedFree(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    countedFree(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
    countedFree(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
    countedFree(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    countedFree(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    countedFree(p);
}
