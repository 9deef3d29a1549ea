// Numbers in and out of text: strict parsing (the whole string, finite) and printing that reads
// back bit-exact: formatNumber with 17 significant digits (ENGINE.md's `run` contract),
// appendShortestNumber as the shortest such text (std::to_chars; several times faster, for the
// sweep's large CSVs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace optirace {

std::string formatNumber(double v);
void appendShortestNumber(std::string& out, double v);
std::optional<double> parseFiniteDouble(std::string_view text);
std::optional<std::int64_t> parseInteger(std::string_view text);
std::optional<std::uint64_t> parseUnsigned(std::string_view text);

}  // namespace optirace
