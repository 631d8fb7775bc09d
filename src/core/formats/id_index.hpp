#pragma once
/// Feature id -> feature index for one feed: an open-addressing hash table (linear probing,
/// power-of-two size) with the id texts in one arena. Built while a feed is read, so it sits on
/// the ingest's hot path: one probe into a flat array instead of a node per id, and about a third
/// of the memory of std::unordered_map<std::string, ...>.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordon {

class IdIndex {
  public:
    /// Makes room for `count` ids without growing.
    void reserve(std::size_t count);
    /// Adds id -> value. When the id is already there, leaves it and returns its value.
    std::optional<std::uint32_t> insert(std::string_view id, std::uint32_t value);
    std::optional<std::uint32_t> find(std::string_view id) const;
    /// Removes the id (a feature rolled back after its id was indexed); false when absent.
    bool erase(std::string_view id);

    std::size_t size() const { return m_size; }
    /// Bytes held (slots and id texts).
    std::size_t memoryBytes() const { return m_slots.capacity() * sizeof(Slot) + m_text.capacity(); }

  private:
    /// 16 bytes, so that four share a cache line: the probes of a large feed miss the cache.
    struct Slot {
        std::uint32_t tag = 0; ///< the hash's high half; 0 marks an empty slot (tags are never 0)
        std::uint32_t textOffset = 0;
        std::uint32_t textLength : 31 = 0;
        std::uint32_t erased : 1 = 0;
        std::uint32_t value = 0;
    };
    std::vector<Slot> m_slots;
    std::string m_text;
    std::size_t m_size = 0;
    std::size_t m_used = 0; ///< live and erased slots: what probing has to walk past

    static std::uint64_t hashOf(std::string_view id);
    std::string_view textOf(const Slot& s) const { return {m_text.data() + s.textOffset, s.textLength}; }
    /// The slot holding `id`, or the empty slot where it would go.
    std::size_t probe(std::string_view id, std::uint64_t hash) const;
    static std::uint32_t tagOf(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32) | 1u; }
    void rehash(std::size_t slotCount);
};

} // namespace cordon
