// Numbers in and out of text: strict parsing (the whole string, finite) and printing with
// 17 significant digits, enough for any double to read back bit-exact.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace optirace {

std::string formatNumber(double v);
std::optional<double> parseFiniteDouble(std::string_view text);
std::optional<std::int64_t> parseInteger(std::string_view text);
std::optional<std::uint64_t> parseUnsigned(std::string_view text);

}  // namespace optirace
