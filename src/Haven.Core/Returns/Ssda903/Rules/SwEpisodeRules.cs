namespace Haven.Core.Returns.Ssda903.Rules;

/// SWEpisodes, the social worker history (statutory-returns.md §1.4 item 26, SW01–SW17: every field
/// present, SW_REASON on every episode, SW_ID starts SW or XX, no overlaps). The reference describes
/// the group without pairing the numbers with the checks, so these carry Haven's own codes (SW-…)
/// rather than guessing a DfE number. A change of worker is put right on the child's Allocation page.
public abstract class SwEpisodeRule : Ssda903Rule
{
    protected const string AllocationPage = "allocation";
}

/// CHILD, SW_ID and SW_DECOM are on every row (SW_DEC may be blank: the worker still held the case at 31 March).
public sealed class RuleSwFields : SwEpisodeRule
{
    public override string Code => "SW-FIELDS";
    public override string Message => "A social worker episode is missing its social worker or start date.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => string.IsNullOrWhiteSpace(s.SwId) || s.SwDecom is null || s.Dob is null)
            .Select(s => Fail(s.Child, s.SwDecom is null ? "SW_DECOM" : s.Dob is null ? "DOB" : "SW_ID", AllocationPage));
}

/// SW_REASON is on every episode (from April 2023) and is a code of the list.
public sealed class RuleSwReason : SwEpisodeRule
{
    public override string Code => "SW-REASON";
    public override string Message => "SW_REASON is missing or not a valid reason for the change of social worker.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => !Haven.Core.Codes.CodeLists.SwReason.Contains(s.SwReason)).Select(s => Fail(s.Child, "SW_REASON", AllocationPage));
}

/// SW_ID is a Social Work England number (starts SW) or a placeholder starting XX.
public sealed class RuleSwId : SwEpisodeRule
{
    public override string Code => "SW-ID";
    public override string Message => "SW_ID must start with SW (Social Work England number) or XX (placeholder).";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => !string.IsNullOrWhiteSpace(s.SwId)
                && !s.SwId.StartsWith("SW", StringComparison.OrdinalIgnoreCase) && !s.SwId.StartsWith("XX", StringComparison.OrdinalIgnoreCase))
            .Select(s => Fail(s.Child, "SW_ID", AllocationPage));
}

/// SW_DEC is not before SW_DECOM.
public sealed class RuleSwDates : SwEpisodeRule
{
    public override string Code => "SW-DATES";
    public override string Message => "SW_DEC is before SW_DECOM.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => s.SwDec is { } dec && s.SwDecom is { } decom && dec < decom).Select(s => Fail(s.Child, "SW_DEC", AllocationPage));
}

/// A child's social worker episodes do not overlap: each starts on or after the day the one before
/// ended (a change on the day is allowed), and only the last may be open.
public sealed class RuleSwOverlap : SwEpisodeRule
{
    public override string Code => "SW-OVERLAP";
    public override string Message => "Social worker episodes overlap.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => s.SwDecom is not null).GroupBy(s => s.Child)
            .SelectMany(g => g.OrderBy(s => s.SwDecom).Zip(g.OrderBy(s => s.SwDecom).Skip(1)))
            .Where(p => p.First.SwDec is not { } dec || p.Second.SwDecom < dec)
            .Select(p => Fail(p.Second.Child, "SW_DECOM", AllocationPage));
}
