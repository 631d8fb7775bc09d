#include "core/formats/deflate.hpp"
#include "core/formats/gzip.hpp"

#include <catch2/catch_test_macros.hpp>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

using namespace cordon;

namespace {

void roundTrip(const std::string& text) {
    const std::string gz = gzipCompress(text);
    const GunzipResult back = gunzip(gz);
    INFO(back.error);
    REQUIRE(back.bytes);
    CHECK(*back.bytes == text);
}

} // namespace

TEST_CASE("Gzip compression reads back exactly: empty, tiny, random, repetitive, long runs") {
    roundTrip("");
    roundTrip("a");
    roundTrip("abcabcabcabcabcabcabc");
    roundTrip(std::string(100000, 'x'));
    std::mt19937 rng(7);
    for (int round = 0; round < 20; ++round) {
        std::string text(rng() % 70000, '\0');
        // A small alphabet makes matches at every distance and length; some rounds are pure noise.
        const unsigned alphabet = round % 4 == 0 ? 256 : 2 + rng() % 12;
        for (char& c : text)
            c = static_cast<char>(rng() % alphabet);
        roundTrip(text);
    }
}

TEST_CASE("GeoJSON compresses several times over") {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    std::mt19937 rng(1);
    for (int i = 0; i < 3000; ++i)
        text += (i ? "," : "") + std::string(R"({"type":"Feature","id":"P-)") + std::to_string(i) +
                R"(","properties":{"kind":"compound_gate","name":"小区卡口 )" + std::to_string(i) +
                R"("},"geometry":{"type":"Point","coordinates":[113.)" + std::to_string(rng() % 1000000) +
                ",34." + std::to_string(rng() % 1000000) + "]}}";
    text += "]}";
    const std::string gz = gzipCompress(text);
    CHECK(gz.size() * 3 < text.size());
    roundTrip(text);
}

TEST_CASE("The Porto road network round-trips", "[data]") {
    std::ifstream in(CORDON_SHARED_DATA "/roads/porto.geojson", std::ios::binary);
    if (!in) SKIP("../shared/data is not here");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string text = std::move(bytes).str();
    const std::string gz = gzipCompress(text);
    CHECK(gz.size() * 3 < text.size());
    roundTrip(text);
}
