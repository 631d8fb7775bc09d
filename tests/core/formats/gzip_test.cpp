#include "core/formats/gzip.hpp"

#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

using namespace cordon;
namespace fs = std::filesystem;

namespace {

/// Compresses with the system's gzip (an independent implementation) at the given level.
std::string gzipWithTool(const std::string& data, int level) {
    const fs::path dir = fs::temp_directory_path() / "cordon-gzip-test";
    fs::create_directories(dir);
    static int counter = 0; // each call its own file: test cases may run in parallel processes
    const fs::path in = dir / ("in-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".bin");
    std::ofstream(in, std::ios::binary) << data;
    const std::string cmd = "gzip -f -n -" + std::to_string(level) + " " + in.string();
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream gz(in.string() + ".gz", std::ios::binary);
    std::ostringstream s;
    s << gz.rdbuf();
    fs::remove(in.string() + ".gz");
    return s.str();
}

std::string sampleFeed(int features) {
    std::string s = R"({"type":"FeatureCollection","features":[)";
    std::mt19937 rng(5);
    for (int i = 0; i < features; ++i) {
        if (i) s += ",";
        s += R"({"type":"Feature","id":"P-)" + std::to_string(i) + R"(","properties":{"name":"第)" +
             std::to_string(i) + R"(号卡点"},"geometry":{"type":"Point","coordinates":[113.)" +
             std::to_string(rng() % 1000000) + ",34." + std::to_string(rng() % 1000000) + "]}}";
    }
    return s + "]}";
}

} // namespace

TEST_CASE("gunzip restores what gzip compressed: text, random bytes, tiny and empty input") {
    std::mt19937 rng(9);
    std::string random(200000, '\0');
    for (char& c : random)
        c = static_cast<char>(rng());
    const std::string inputs[] = {sampleFeed(5000), random, "hello", "", std::string(100000, 'a')};
    for (const std::string& input : inputs)
        for (int level : {1, 6, 9}) {
            const GunzipResult r = gunzip(gzipWithTool(input, level));
            INFO("size " << input.size() << " level " << level << ": " << r.error);
            REQUIRE(r.bytes);
            CHECK(*r.bytes == input);
        }
}

TEST_CASE("gunzip rejects damaged input without crashing") {
    const std::string gz = gzipWithTool(sampleFeed(2000), 6);
    CHECK(gunzip("").error == "not gzip data");
    CHECK(gunzip("{\"type\":1}").error == "not gzip data");
    for (std::size_t cut : {std::size_t(11), gz.size() / 3, gz.size() - 4, gz.size() - 1}) {
        INFO("cut at " << cut);
        CHECK_FALSE(gunzip(gz.substr(0, cut)).bytes);
    }
    std::mt19937 rng(3);
    for (int i = 0; i < 200; ++i) {
        std::string bad = gz;
        bad[10 + rng() % (bad.size() - 10)] ^= static_cast<char>(1 + rng() % 255);
        const GunzipResult r = gunzip(bad);
        if (r.bytes) CHECK(r.bytes->size() > 0); // a flip that still decodes must still pass the CRC
    }
}

TEST_CASE("gunzip stops at the output limit (decompression bombs)") {
    const std::string gz = gzipWithTool(std::string(1 << 20, '0'), 9);
    CHECK(gz.size() < 5000);
    const GunzipResult r = gunzip(gz, 1000);
    CHECK_FALSE(r.bytes);
    CHECK(r.error == "output larger than allowed");
}

TEST_CASE("crc32 matches the standard check value") {
    CHECK(crc32("123456789") == 0xCBF43926u);
}
