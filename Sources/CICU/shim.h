// Version-free wrappers around the ICU 72 C API.
//
// ICU exports only versioned symbols (ubrk_open_72); its headers rename calls with
// macros that Swift cannot see. Each wrapper below is compiled by clang, so the
// macros apply, and Swift calls the plain `kicu_` name.
#ifndef KIOKU_CICU_SHIM_H
#define KIOKU_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

static inline const char *kicu_errorName(UErrorCode code) { return u_errorName(code); }

// Normalization
static inline const UNormalizer2 *kicu_nfkcCasefold(UErrorCode *status) {
    return unorm2_getNFKCCasefoldInstance(status);
}
static inline const UNormalizer2 *kicu_nfkc(UErrorCode *status) {
    return unorm2_getNFKCInstance(status);
}
static inline int32_t kicu_normalize(const UNormalizer2 *n, const UChar *src, int32_t length,
                                     UChar *dest, int32_t capacity, UErrorCode *status) {
    return unorm2_normalize(n, src, length, dest, capacity, status);
}
static inline UBool kicu_isNormalized(const UNormalizer2 *n, const UChar *s, int32_t length,
                                      UErrorCode *status) {
    return unorm2_isNormalized(n, s, length, status);
}

// Break iteration
static inline UBreakIterator *kicu_breakOpen(int kind, const char *locale, UErrorCode *status) {
    return ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, status);
}
static inline void kicu_breakSetText(UBreakIterator *bi, const UChar *text, int32_t length,
                                     UErrorCode *status) {
    ubrk_setText(bi, text, length, status);
}
static inline int32_t kicu_breakFirst(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t kicu_breakNext(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t kicu_breakRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline void kicu_breakClose(UBreakIterator *bi) { ubrk_close(bi); }

// Character properties
static inline int32_t kicu_script(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return (int32_t)uscript_getScript(c, &status);
}

// Charset conversion (to UTF-16), streaming
static inline UConverter *kicu_converterOpen(const char *name, UErrorCode *status) {
    UConverter *cnv = ucnv_open(name, status);
    if (cnv && U_SUCCESS(*status)) {
        ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, status);
    }
    return cnv;
}
static inline void kicu_converterClose(UConverter *cnv) { ucnv_close(cnv); }
static inline void kicu_toUnicode(UConverter *cnv, UChar **target, const UChar *targetLimit,
                                  const char **source, const char *sourceLimit, UBool flush,
                                  UErrorCode *status) {
    ucnv_toUnicode(cnv, target, targetLimit, source, sourceLimit, NULL, flush, status);
}
static inline const char *kicu_converterName(UConverter *cnv, UErrorCode *status) {
    return ucnv_getName(cnv, status);
}

#endif
