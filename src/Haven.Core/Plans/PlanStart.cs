namespace Haven.Core.Plans;

/// Where the child is now, as far as starting a plan is concerned.
/// OpenProtection: the open child protection plan registration, if any (its start, and whether its
/// content is already written). LookedAfterSince: the start of the open period of care.
/// CareLeaverSince: the start of the open care leaver involvement. OpenPlans: kinds with an open plan.
public sealed record ChildStage(string Name, DateOnly? DateOfBirth, (DateOnly Start, bool HasContent)? OpenProtection, DateOnly? LookedAfterSince,
    DateOnly? CareLeaverSince, IReadOnlySet<PlanKind> OpenPlans);

/// Which kind of plan fits the child's current stage. A child in need plan starts with its own
/// record (ChildInNeedPlanService); a child protection plan's content starts at the initial
/// conference, or afterwards for a registration whose content was never written; a care plan needs
/// the child to be looked after now; a pathway plan is for a looked-after young person aged 16 or
/// over, or a care leaver. A child has at most one open plan of each kind.
public static class PlanStart
{
    public const int PathwayAge = 16;

    /// Null when a plan of this kind can start on the given date; otherwise why not, in plain words.
    public static string? WhyNot(PlanKind kind, ChildStage c, DateOnly start)
    {
        if (c.OpenPlans.Contains(kind)) return $"{c.Name} already has an open {Plan.Describe(kind).ToLowerInvariant()}: change that plan instead";
        switch (kind)
        {
            case PlanKind.ChildInNeed:
                return null;
            case PlanKind.ChildProtection:
                if (c.OpenProtection is not { } cp) return $"{c.Name} is not on a child protection plan: a child protection plan starts at an initial child protection conference";
                if (cp.HasContent) return $"{c.Name}'s child protection plan already has its outcomes and actions: change that plan instead";
                return start < cp.Start ? $"Start date must be on or after the initial conference, {cp.Start:d MMMM yyyy}" : null;
            case PlanKind.Care:
                if (c.LookedAfterSince is not { } since) return $"{c.Name} is not looked after: record the decision to look after them first";
                return start < since ? $"Start date must be on or after {c.Name} became looked after, {since:d MMMM yyyy}" : null;
            case PlanKind.Pathway:
                if (c.CareLeaverSince is null && c.LookedAfterSince is null)
                    return $"A pathway plan is for young people aged {PathwayAge} or over who are looked after, and for care leavers: {c.Name} is neither";
                var from = c.DateOfBirth?.AddYears(PathwayAge);
                if (from is { } f && start < f) return $"A pathway plan starts when a young person is {PathwayAge}: {c.Name} is {PathwayAge} on {f:d MMMM yyyy}";
                if (from is null && c.CareLeaverSince is null) return $"Record {c.Name}'s date of birth first: a pathway plan starts at {PathwayAge}";
                return null;
            default:
                return "Select the kind of plan";
        }
    }

    /// The kinds that can start today, for the plans page.
    public static IReadOnlyList<PlanKind> Fitting(ChildStage c, DateOnly today) =>
        Enum.GetValues<PlanKind>().Where(k => WhyNot(k, c, today) is null).ToList();
}
