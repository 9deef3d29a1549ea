#include "number_format.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace optirace {

std::string formatNumber(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// std::to_chars prints inf and nan as "inf", "-inf", "nan", like printf's %g.
void appendShortestNumber(std::string& out, double v) {
  char buf[40];
  auto [end, error] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, error == std::errc() ? end : buf);
}

std::optional<double> parseFiniteDouble(std::string_view text) {
  std::string s(text);
  if (s.empty() || std::isspace(static_cast<unsigned char>(s.front()))) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(s.c_str(), &end);
  // strtod reports ERANGE for overflow (±HUGE_VAL, refused as not finite) and also for numbers
  // below DBL_MIN, whose correctly rounded subnormal (or 0) it returns: those are finite numbers
  // (the CSV writes them, e.g. 4.9406564584124654e-324) and read back as written.
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
  std::string s(text);
  if (s.empty() || std::isspace(static_cast<unsigned char>(s.front()))) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (end != s.c_str() + s.size() || errno == ERANGE) return std::nullopt;
  return v;
}

std::optional<std::uint64_t> parseUnsigned(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
  std::string s(text);
  if (std::isspace(static_cast<unsigned char>(s.front()))) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (end != s.c_str() + s.size() || errno == ERANGE) return std::nullopt;
  return v;
}

}  // namespace optirace
