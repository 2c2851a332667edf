// Version-free, type-free wrappers around the ICU 72 C API.
//
// ICU exports only versioned symbols (ucnv_open_72) and renames its calls with
// macros Swift cannot see, so the wrappers are compiled by clang in kicu.c.
//
// This header deliberately includes no ICU header. Foundation on Linux carries its
// own copy of ICU (module _FoundationICU) with different enum definitions; a Swift
// compilation that saw both would fail with "'UErrorCode' has different definitions
// in different modules". Only opaque handles and plain integers cross this line.
#ifndef KIOKU_KICU_H
#define KIOKU_KICU_H

#include <stdbool.h>
#include <stdint.h>

/// An ICU UErrorCode value: 0 is success, above 0 a failure, below 0 a warning.
typedef int32_t kicu_status;

enum {
    KICU_OK = 0,
    KICU_BUFFER_OVERFLOW = 15,  // U_BUFFER_OVERFLOW_ERROR
};

typedef struct kicu_converter kicu_converter;   // UConverter
typedef struct kicu_normalizer kicu_normalizer; // UNormalizer2 (owned by ICU)

// Normalization
const kicu_normalizer *kicu_nfkcCasefold(kicu_status *status);
const kicu_normalizer *kicu_nfkc(kicu_status *status);
int32_t kicu_normalize(const kicu_normalizer *normalizer, const uint16_t *source, int32_t length,
                       uint16_t *destination, int32_t capacity, kicu_status *status);

// Charset conversion to UTF-16, streaming; invalid input stops with an error.
kicu_converter *kicu_converterOpen(const char *name, kicu_status *status);
void kicu_converterClose(kicu_converter *converter);
void kicu_toUnicode(kicu_converter *converter, uint16_t **target, const uint16_t *targetLimit,
                    const char **source, const char *sourceLimit, bool flush, kicu_status *status);

#endif
