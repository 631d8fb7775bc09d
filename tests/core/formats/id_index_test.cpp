#include "core/formats/id_index.hpp"

#include <catch2/catch_test_macros.hpp>

#include <random>
#include <string>
#include <unordered_map>

using namespace cordon;

TEST_CASE("IdIndex finds what was inserted, reports duplicates and forgets erased ids") {
    IdIndex index;
    CHECK_FALSE(index.find("P-1"));
    CHECK_FALSE(index.erase("P-1"));
    CHECK_FALSE(index.insert("P-1", 0));
    CHECK_FALSE(index.insert("", 1)); // an empty id is an id like any other
    CHECK(index.insert("P-1", 7) == 0u);
    CHECK(index.find("P-1") == 0u);
    CHECK(index.find("") == 1u);
    CHECK_FALSE(index.find("P-10"));
    CHECK(index.size() == 2);
    CHECK(index.erase("P-1"));
    CHECK_FALSE(index.find("P-1"));
    CHECK_FALSE(index.insert("P-1", 5));
    CHECK(index.find("P-1") == 5u);
    CHECK(index.size() == 2);
}

TEST_CASE("IdIndex agrees with std::unordered_map over random inserts, erases and growth") {
    std::mt19937 rng(20221124);
    IdIndex index;
    std::unordered_map<std::string, std::uint32_t> reference;
    std::uniform_int_distribution<int> length(0, 24), byte(0, 255), op(0, 9);
    std::vector<std::string> seen;
    for (std::uint32_t i = 0; i < 60000; ++i) {
        std::string id;
        if (!seen.empty() && op(rng) < 3) {
            id = seen[rng() % seen.size()];
        } else {
            const int n = length(rng);
            for (int k = 0; k < n; ++k)
                id += static_cast<char>(byte(rng));
            seen.push_back(id);
        }
        if (op(rng) == 0) {
            CHECK(index.erase(id) == (reference.erase(id) == 1));
            continue;
        }
        const auto [it, inserted] = reference.emplace(id, i);
        const auto earlier = index.insert(id, i);
        CHECK(earlier.has_value() == !inserted);
        if (earlier) CHECK(*earlier == it->second);
    }
    CHECK(index.size() == reference.size());
    for (const std::string& id : seen) {
        const auto it = reference.find(id);
        const auto found = index.find(id);
        REQUIRE(found.has_value() == (it != reference.end()));
        if (found) CHECK(*found == it->second);
    }
}
