#include "core/formats/id_index.hpp"

#include <bit>
#include <cstring>

namespace cordon {

std::uint64_t IdIndex::hashOf(std::string_view id) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ id.size();
    std::size_t i = 0;
    for (; i + 8 <= id.size(); i += 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, id.data() + i, 8);
        h = std::rotl((h ^ chunk) * 0xBF58476D1CE4E5B9ull, 29);
    }
    if (i < id.size()) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, id.data() + i, id.size() - i);
        h = std::rotl((h ^ chunk) * 0xBF58476D1CE4E5B9ull, 29);
    }
    // Final avalanche (MurmurHash3's fmix64), so the low bits that pick a slot depend on all bits.
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

std::size_t IdIndex::probe(std::string_view id, std::uint64_t hash) const {
    const std::size_t mask = m_slots.size() - 1;
    const std::uint32_t tag = tagOf(hash);
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& s = m_slots[i];
        if (s.tag == 0 || (s.tag == tag && !s.erased && textOf(s) == id)) return i;
    }
}

void IdIndex::reserve(std::size_t count) {
    std::size_t slots = 16;
    while (slots * 7 / 10 < count)
        slots *= 2;
    if (slots > m_slots.size()) rehash(slots);
}

void IdIndex::rehash(std::size_t slotCount) {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(slotCount, Slot{});
    m_used = 0;
    const std::size_t mask = slotCount - 1;
    for (const Slot& s : old) {
        if (s.tag == 0 || s.erased) continue;
        std::size_t i = hashOf(textOf(s)) & mask;
        while (m_slots[i].tag != 0)
            i = (i + 1) & mask;
        m_slots[i] = s;
        ++m_used;
    }
}

std::optional<std::uint32_t> IdIndex::insert(std::string_view id, std::uint32_t value) {
    if ((m_used + 1) * 10 > m_slots.size() * 7) rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
    const std::uint64_t hash = hashOf(id);
    Slot& s = m_slots[probe(id, hash)];
    if (s.tag != 0) return s.value;
    s.tag = tagOf(hash);
    s.textOffset = static_cast<std::uint32_t>(m_text.size());
    s.textLength = static_cast<std::uint32_t>(id.size());
    s.value = value;
    m_text.append(id);
    ++m_size;
    ++m_used;
    return std::nullopt;
}

std::optional<std::uint32_t> IdIndex::find(std::string_view id) const {
    if (m_slots.empty()) return std::nullopt;
    const Slot& s = m_slots[probe(id, hashOf(id))];
    if (s.tag == 0) return std::nullopt;
    return s.value;
}

bool IdIndex::erase(std::string_view id) {
    if (m_slots.empty()) return false;
    Slot& s = m_slots[probe(id, hashOf(id))];
    if (s.tag == 0) return false;
    s.erased = true; // stays a probe step for the ids placed after it
    --m_size;
    return true;
}

} // namespace cordon
