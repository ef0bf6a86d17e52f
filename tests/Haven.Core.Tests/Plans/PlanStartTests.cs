using Haven.Core.Plans;

namespace Haven.Core.Tests.Plans;

/// Which kind of plan fits a child's stage, against hand-worked children.
public class PlanStartTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static ChildStage Child(DateOnly? dob = null, (DateOnly, bool)? protection = null, DateOnly? lookedAfter = null, DateOnly? leaver = null,
        params PlanKind[] open) => new("Noor", dob ?? new DateOnly(2015, 6, 1), protection, lookedAfter, leaver, open.ToHashSet());

    [Fact]
    public void WhyNot_ChildProtection_NeedsAnOpenRegistrationWithoutContent_FromItsStart()
    {
        Assert.Equal("Noor is not on a child protection plan: a child protection plan starts at an initial child protection conference",
            PlanStart.WhyNot(PlanKind.ChildProtection, Child(), Today));
        Assert.Equal("Noor's child protection plan already has its outcomes and actions: change that plan instead",
            PlanStart.WhyNot(PlanKind.ChildProtection, Child(protection: (new DateOnly(2026, 2, 10), true)), Today));
        Assert.Equal("Start date must be on or after the initial conference, 10 February 2026",
            PlanStart.WhyNot(PlanKind.ChildProtection, Child(protection: (new DateOnly(2026, 2, 10), false)), new DateOnly(2026, 2, 9)));
        Assert.Null(PlanStart.WhyNot(PlanKind.ChildProtection, Child(protection: (new DateOnly(2026, 2, 10), false)), new DateOnly(2026, 2, 10)));
    }

    [Fact]
    public void WhyNot_Care_NeedsTheChildLookedAfterFromThatDate_AndNoOpenCarePlan()
    {
        Assert.Equal("Noor is not looked after: record the decision to look after them first", PlanStart.WhyNot(PlanKind.Care, Child(), Today));
        Assert.Equal("Start date must be on or after Noor became looked after, 20 February 2026",
            PlanStart.WhyNot(PlanKind.Care, Child(lookedAfter: new DateOnly(2026, 2, 20)), new DateOnly(2026, 2, 19)));
        Assert.Null(PlanStart.WhyNot(PlanKind.Care, Child(lookedAfter: new DateOnly(2026, 2, 20)), Today));
        Assert.Equal("Noor already has an open care plan: change that plan instead",
            PlanStart.WhyNot(PlanKind.Care, Child(lookedAfter: new DateOnly(2026, 2, 20), open: PlanKind.Care), Today));
    }

    [Fact]
    public void WhyNot_Pathway_FitsALookedAfterYoungPersonFrom16OrACareLeaver()
    {
        // Born 3 March 2010: 16 the day after Today.
        var dob = new DateOnly(2010, 3, 3);
        Assert.Equal("A pathway plan is for young people aged 16 or over who are looked after, and for care leavers: Noor is neither",
            PlanStart.WhyNot(PlanKind.Pathway, Child(dob), Today));
        Assert.Equal("A pathway plan starts when a young person is 16: Noor is 16 on 3 March 2026",
            PlanStart.WhyNot(PlanKind.Pathway, Child(dob, lookedAfter: new DateOnly(2020, 1, 6)), Today));
        Assert.Null(PlanStart.WhyNot(PlanKind.Pathway, Child(dob, lookedAfter: new DateOnly(2020, 1, 6)), Today.AddDays(1)));
        Assert.Null(PlanStart.WhyNot(PlanKind.Pathway, Child(new DateOnly(2007, 5, 1), leaver: new DateOnly(2025, 5, 1)), Today));
    }

    [Fact]
    public void Fitting_ForALookedAfterNineYearOld_IsChildInNeedAndCare()
    {
        Assert.Equal([PlanKind.ChildInNeed, PlanKind.Care], PlanStart.Fitting(Child(lookedAfter: new DateOnly(2026, 1, 5)), Today));
    }
}
