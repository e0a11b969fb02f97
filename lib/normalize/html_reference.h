// HTML character references left in scraped text: &nbsp; &amp; &lt; &#x4E07;
// &#19975; and the named references Chinese news pages commonly carry.
#ifndef AIDTEXT_NORMALIZE_HTML_REFERENCE_H_
#define AIDTEXT_NORMALIZE_HTML_REFERENCE_H_

#include <cstddef>
#include <string_view>

namespace aidtext {

// If text[pos] ('&') starts a character reference, returns its byte length
// and sets *cp to the character; else 0. A reference ends with ';' (only
// &nbsp &amp &lt &gt &quot are also accepted without it, as browsers do).
// Numeric references to NUL, surrogates or past U+10FFFF are not decoded.
size_t html_reference_length(std::string_view text, size_t pos, char32_t* cp);

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_HTML_REFERENCE_H_
