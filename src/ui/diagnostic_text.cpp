#include "ui/diagnostic_text.hpp"

namespace cordon {

std::optional<TextId> diagnosticTextId(DiagnosticCode code) {
    switch (code) {
    case DiagnosticCode::Other:
        return std::nullopt;
    case DiagnosticCode::MissingField:
        return TextId::DiagMissingField;
    case DiagnosticCode::NotOneOf:
        return TextId::DiagNotOneOf;
    case DiagnosticCode::MissingGeometry:
        return TextId::DiagMissingGeometry;
    case DiagnosticCode::WrongGeometry:
        return TextId::DiagWrongGeometry;
    case DiagnosticCode::EmptyGeometry:
        return TextId::DiagEmptyGeometry;
    case DiagnosticCode::NotACount:
        return TextId::DiagNotACount;
    case DiagnosticCode::NotAnInstant:
        return TextId::DiagNotAnInstant;
    case DiagnosticCode::NotATimeOfDay:
        return TextId::DiagNotATimeOfDay;
    case DiagnosticCode::NoId:
        return TextId::DiagNoId;
    case DiagnosticCode::DuplicateId:
        return TextId::DiagDuplicateId;
    case DiagnosticCode::UnknownReference:
        return TextId::DiagUnknownReference;
    case DiagnosticCode::NotJson:
        return TextId::DiagNotJson;
    case DiagnosticCode::NoDemand:
        return TextId::DiagNoDemand;
    case DiagnosticCode::MissingSince:
        return TextId::DiagMissingSince;
    case DiagnosticCode::MissingParent:
        return TextId::DiagMissingParent;
    case DiagnosticCode::RosterNoPlace:
        return TextId::DiagRosterNoPlace;
    case DiagnosticCode::RosterReversed:
        return TextId::DiagRosterReversed;
    case DiagnosticCode::NotAString:
        return TextId::DiagNotAString;
    case DiagnosticCode::NotAList:
        return TextId::DiagNotAList;
    case DiagnosticCode::NotAnId:
        return TextId::DiagNotAnId;
    case DiagnosticCode::NotHouseholds:
        return TextId::DiagNotHouseholds;
    case DiagnosticCode::UnknownColour:
        return TextId::DiagUnknownColour;
    case DiagnosticCode::UntilBeforeSince:
        return TextId::DiagUntilBeforeSince;
    case DiagnosticCode::DemandShape:
        return TextId::DiagDemandShape;
    case DiagnosticCode::StaffImplausible:
        return TextId::DiagStaffImplausible;
    case DiagnosticCode::Missing:
        return TextId::DiagMissing;
    case DiagnosticCode::DemandTwice:
        return TextId::DiagDemandTwice;
    case DiagnosticCode::DemandAllZero:
        return TextId::DiagDemandAllZero;
    case DiagnosticCode::MembersMissing:
        return TextId::DiagMembersMissing;
    case DiagnosticCode::ModeMissing:
        return TextId::DiagModeMissing;
    case DiagnosticCode::NotAnIsoTime:
        return TextId::DiagNotAnIsoTime;
    case DiagnosticCode::RosterGeometry:
        return TextId::DiagRosterGeometry;
    case DiagnosticCode::EntryAddsNobody:
        return TextId::DiagEntryAddsNobody;
    case DiagnosticCode::HighwayMissing:
        return TextId::DiagHighwayMissing;
    case DiagnosticCode::OnewayInvalid:
        return TextId::DiagOnewayInvalid;
    case DiagnosticCode::SpeedInvalid:
        return TextId::DiagSpeedInvalid;
    case DiagnosticCode::ClosedInvalid:
        return TextId::DiagClosedInvalid;
    case DiagnosticCode::NameNotString:
        return TextId::DiagNameNotString;
    case DiagnosticCode::TooManyPositions:
        return TextId::DiagTooManyPositions;
    case DiagnosticCode::OutOfRange:
        return TextId::DiagOutOfRange;
    case DiagnosticCode::LineTooShort:
        return TextId::DiagLineTooShort;
    case DiagnosticCode::RingTooShort:
        return TextId::DiagRingTooShort;
    case DiagnosticCode::RingNotClosed:
        return TextId::DiagRingNotClosed;
    case DiagnosticCode::UnknownGeometryType:
        return TextId::DiagUnknownGeometryType;
    case DiagnosticCode::NestedCollection:
        return TextId::DiagNestedCollection;
    case DiagnosticCode::SingleCollection:
        return TextId::DiagSingleCollection;
    case DiagnosticCode::ForbiddenMember:
        return TextId::DiagForbiddenMember;
    case DiagnosticCode::FileTooLarge:
        return TextId::DiagFileTooLarge;
    case DiagnosticCode::NotGeoJson:
        return TextId::DiagNotGeoJson;
    case DiagnosticCode::BadBbox:
        return TextId::DiagBadBbox;
    case DiagnosticCode::NeedsMember:
        return TextId::DiagNeedsMember;
    case DiagnosticCode::NotAnObject:
        return TextId::DiagNotAnObject;
    case DiagnosticCode::BadIdType:
        return TextId::DiagBadIdType;
    case DiagnosticCode::TooManyFeatures:
        return TextId::DiagTooManyFeatures;
    case DiagnosticCode::NestedTooDeep:
        return TextId::DiagNestedTooDeep;
    case DiagnosticCode::ManifestNoFeeds:
        return TextId::DiagManifestNoFeeds;
    case DiagnosticCode::ManifestRefresh:
        return TextId::DiagManifestRefresh;
    case DiagnosticCode::ManifestUnknownFeed:
        return TextId::DiagManifestUnknownFeed;
    case DiagnosticCode::ManifestShare:
        return TextId::DiagManifestShare;
    case DiagnosticCode::ManifestEntry:
        return TextId::DiagManifestEntry;
    case DiagnosticCode::NotACollection:
        return TextId::DiagNotACollection;
    case DiagnosticCode::DeclaresOtherFeed:
        return TextId::DiagDeclaresOtherFeed;
    case DiagnosticCode::NewerVersion:
        return TextId::DiagNewerVersion;
    case DiagnosticCode::CordonNotObject:
        return TextId::DiagCordonNotObject;
    case DiagnosticCode::FeedUnknown:
        return TextId::DiagFeedUnknown;
    case DiagnosticCode::OwnParent:
        return TextId::DiagOwnParent;
    case DiagnosticCode::ParentLoop:
        return TextId::DiagParentLoop;
    case DiagnosticCode::RosterUnknownPost:
        return TextId::DiagRosterUnknownPost;
    case DiagnosticCode::RosterUnknownTeam:
        return TextId::DiagRosterUnknownTeam;
    case DiagnosticCode::NoRoad:
        return TextId::DiagNoRoad;
    case DiagnosticCode::NoWalkRoad:
        return TextId::DiagNoWalkRoad;
    case DiagnosticCode::NoDriveRoad:
        return TextId::DiagNoDriveRoad;
    case DiagnosticCode::SurplusStays:
        return TextId::DiagSurplusStays;
    case DiagnosticCode::TeamStays:
        return TextId::DiagTeamStays;
    case DiagnosticCode::GapUnreachable:
        return TextId::DiagGapUnreachable;
    }
    return std::nullopt;
}

std::string diagnosticText(const Diagnostic& d, Lang lang) {
    const std::optional<TextId> id = diagnosticTextId(d.code);
    if (!id || lang == Lang::En) return d.toString(); // the English message is the English wording
    std::string s = d.feed.empty() ? std::string("input") : d.feed;
    if (d.featureIndex >= 0) s += "[" + std::to_string(d.featureIndex) + "]";
    if (!d.featureId.empty()) s += " id=" + d.featureId;
    s += "：";
    if (!d.path.empty()) s += d.path + "：";
    s += tr(d.severity == Severity::Error ? TextId::DiagError : TextId::DiagWarning, lang);
    s += "：";
    const auto arg = [&](std::size_t i) { return i < d.args.size() ? d.args[i] : std::string(); };
    // A feed named in the values is shown by its name in the UI ("风险区", not "zones").
    const std::string first =
        d.code == DiagnosticCode::UnknownReference ? std::string(feedDisplayName(arg(0), lang)) : arg(0);
    s += fillText(tr(*id, lang), {first, arg(1), arg(2), arg(3)});
    return s;
}

} // namespace cordon
