// The ICU side of kicu.h: each wrapper calls the versioned ICU 72 function.
#include "kicu.h"

#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/utypes.h>

_Static_assert(U_BUFFER_OVERFLOW_ERROR == KICU_BUFFER_OVERFLOW, "ICU error code changed");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar is not 16 bits");
_Static_assert(sizeof(UErrorCode) == sizeof(kicu_status), "UErrorCode is not 32 bits");

const kicu_normalizer *kicu_nfkcCasefold(kicu_status *status) {
    return (const kicu_normalizer *)unorm2_getNFKCCasefoldInstance((UErrorCode *)status);
}

const kicu_normalizer *kicu_nfkc(kicu_status *status) {
    return (const kicu_normalizer *)unorm2_getNFKCInstance((UErrorCode *)status);
}

int32_t kicu_normalize(const kicu_normalizer *normalizer, const uint16_t *source, int32_t length,
                       uint16_t *destination, int32_t capacity, kicu_status *status) {
    return unorm2_normalize((const UNormalizer2 *)normalizer, (const UChar *)source, length,
                            (UChar *)destination, capacity, (UErrorCode *)status);
}

kicu_converter *kicu_converterOpen(const char *name, kicu_status *status) {
    UConverter *converter = ucnv_open(name, (UErrorCode *)status);
    if (converter && U_SUCCESS(*(UErrorCode *)status)) {
        ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, (UErrorCode *)status);
    }
    return (kicu_converter *)converter;
}

void kicu_converterClose(kicu_converter *converter) { ucnv_close((UConverter *)converter); }

void kicu_toUnicode(kicu_converter *converter, uint16_t **target, const uint16_t *targetLimit,
                    const char **source, const char *sourceLimit, bool flush, kicu_status *status) {
    ucnv_toUnicode((UConverter *)converter, (UChar **)target, (const UChar *)targetLimit, source,
                   sourceLimit, NULL, flush ? 1 : 0, (UErrorCode *)status);
}
