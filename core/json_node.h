// A JSON value together with its path, for reading files that report every problem by where it
// is ("$.racers[1].hyper.lr: …"): scenario files (scenario_json.cpp, network/task_scenario.cpp).
#pragma once

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "scenario.h"
#include "vec2.h"

namespace optirace {

// A JSON value together with its path, so every error can say where it is.
class Node {
  using json = nlohmann::json;

 public:
  Node(const json& value, std::string path) : value_(value), path_(std::move(path)) {}

  [[noreturn]] void fail(const std::string& what) const { throw InputError(path_ + ": " + what); }

  const json& value() const { return value_; }
  const std::string& path() const { return path_; }

  void expectObject(std::initializer_list<std::string_view> allowed) const {
    if (!value_.is_object()) fail("must be an object");
    for (auto it = value_.begin(); it != value_.end(); ++it) {
      bool known = false;
      for (std::string_view a : allowed) known = known || it.key() == a;
      if (known) continue;
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      child(it.key()).fail("unknown key (valid keys: " + list + ")");
    }
  }
  bool has(const std::string& key) const { return value_.contains(key); }
  Node child(const std::string& key) const {
    if (!has(key)) {
      static const json kNull;
      return Node(kNull, path_ + "." + key);
    }
    return Node(value_.at(key), path_ + "." + key);
  }
  Node required(const std::string& key) const {
    if (!has(key)) fail("missing required key '" + key + "'");
    return child(key);
  }
  // Calls f(name, member) for each member of the object at `key`, when there is one.
  template <class F>
  void forEachMember(const std::string& key, F f) const {
    if (!has(key)) return;
    Node object = child(key);
    if (!object.value().is_object()) object.fail("must be an object");
    for (auto it = object.value().begin(); it != object.value().end(); ++it)
      f(it.key(), object.child(it.key()));
  }
  Node element(std::size_t i) const {
    return Node(value_.at(i), path_ + "[" + std::to_string(i) + "]");
  }

  double number() const {
    if (!value_.is_number()) fail("must be a number");
    double v = value_.get<double>();
    if (!std::isfinite(v)) fail("must be finite");
    return v;
  }
  long integer(long lo, long hi) const {
    if (!value_.is_number_integer()) fail("must be a whole number");
    if (value_.is_number_unsigned() && value_.get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
      fail("must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    long v = value_.get<long>();
    if (v < lo || v > hi)
      fail("must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return v;
  }
  std::string string() const {
    if (!value_.is_string()) fail("must be a string");
    return value_.get<std::string>();
  }
  bool boolean() const {
    if (!value_.is_boolean()) fail("must be true or false");
    return value_.get<bool>();
  }
  Vec2 point() const {
    if (!value_.is_array() || value_.size() != 2) fail("must be a pair [x, y]");
    return {element(0).number(), element(1).number()};
  }

 private:
  const json& value_;
  std::string path_;
};

}  // namespace optirace
