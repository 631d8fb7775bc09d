#include "core/map/feature_details.hpp"

#include "core/formats/json.hpp"

#include <cmath>
#include <cstdio>

namespace cordon {

std::string displayText(const JsonValue& value) {
    switch (value.type) {
    case JsonType::Null:
        return "-";
    case JsonType::Bool:
        return value.boolean ? "true" : "false";
    case JsonType::Number: {
        char text[32];
        if (std::abs(value.number) < 1e15 && value.number == std::floor(value.number))
            std::snprintf(text, sizeof text, "%.0f", value.number);
        else
            std::snprintf(text, sizeof text, "%.10g", value.number);
        return text;
    }
    case JsonType::String:
        return value.string;
    case JsonType::Array: {
        std::string out;
        for (const JsonValue& item : value.items)
            out += (out.empty() ? "" : ", ") + displayText(item);
        return out;
    }
    case JsonType::Object: {
        std::string out = "{";
        for (const auto& [key, member] : value.members)
            out += (out.size() > 1 ? ", " : "") + key + ": " + displayText(member);
        return out + "}";
    }
    }
    return {};
}

std::vector<PropertyRow> featureDetails(const Feed& feed, std::uint32_t index) {
    std::vector<PropertyRow> rows;
    if (index >= feed.size()) return rows;
    const FeatureRecord& record = feed.layer.features[index];
    rows.push_back({"id", record.id});
    const JsonParseResult properties = parseJson(feed.layer.propertiesJson(index));
    if (!properties.value || !properties.value->isObject()) return rows;
    for (const auto& [key, value] : properties.value->members)
        rows.push_back({key, displayText(value)});
    return rows;
}

} // namespace cordon
