using Haven.Core.Allocations;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.Synthetic;

// The generator first plans the whole borough in memory (people, timelines, allocations), then
// writes it. Entities are created during planning; rows that need database ids (relationships,
// allocations, involvements, notes) are made from these plans once the ids exist.

/// Where a child stands today. None: recorded only as a household member; Closed: history only.
internal enum CaseStatus { None, Closed, EarlyHelp, Assessment, ChildInNeed, ChildProtection, InCare, CareLeaver }

internal enum AgeBand { Unborn, Under1, Age1To4, Age5To9, Age10To15, Age16To17, Adult }

internal enum TeamType
{
    Mash, OutOfHours, EarlyHelp, Assessment, Safeguarding, ChildrenInCare, LeavingCare, Iro, Lado, Performance,
    VirtualSchool, Fostering,
}

internal enum PlacementKind { Foster, Kinship, ChildrensHome, Supported, WithParents, Adoption }

internal readonly record struct Slot(AgeBand Band, Sex Sex, bool Uasc);

/// An exact multiset of (age band, sex, UASC) places for one status, so that the generated
/// borough's proportions match the calibration exactly rather than by chance.
internal sealed class Quota
{
    private readonly List<Slot> _slots = [];
    private readonly List<int> _counts = [];

    public int Remaining { get; private set; }

    public void Add(Slot slot, int count)
    {
        if (count <= 0) return;
        var i = _slots.IndexOf(slot);
        if (i < 0) { _slots.Add(slot); _counts.Add(0); i = _slots.Count - 1; }
        _counts[i] += count;
        Remaining += count;
    }

    public Slot TakeRandom(Random rng)
    {
        var x = rng.Next(Remaining);
        for (var i = 0; i < _slots.Count; i++)
        {
            if (x < _counts[i]) { _counts[i]--; Remaining--; return _slots[i]; }
            x -= _counts[i];
        }
        throw new InvalidOperationException("Quota is empty.");
    }

    public bool TryTake(AgeBand band, Sex sex)
    {
        for (var i = 0; i < _slots.Count; i++)
        {
            var s = _slots[i];
            if (s.Band == band && s.Sex == sex && !s.Uasc && _counts[i] > 0)
            {
                _counts[i]--;
                Remaining--;
                return true;
            }
        }
        return false;
    }
}

internal sealed record Residence(Address Address, DateOnly Start, DateOnly? End);

internal sealed class AdultPlan
{
    public required Person Person { get; init; }
    public Heritage Heritage { get; init; }
    public List<Residence> Homes { get; } = [];
    public string Name => Person.FirstName + " " + Person.LastName;
}

internal sealed record RelationshipPlan(Person Person, Person Related, RelationshipType Type, bool ParentalResponsibility,
    DateOnly? Start = null, DateOnly? End = null);

internal sealed class Family
{
    public int Number { get; init; }
    public Heritage Heritage { get; set; }
    public AdultPlan? Mother { get; set; }
    public AdultPlan? Father { get; set; }
    public AdultPlan? SecondFather { get; set; }
    public AdultPlan? StepParent { get; set; }
    public DateOnly StepParentFrom { get; set; }
    public bool FatherAtHome { get; set; }
    public List<ChildPlan> Children { get; } = [];
    public List<AdultPlan> Adults { get; } = [];
    public List<Residence> Home { get; } = [];
    public List<string> Concerns { get; } = [];
    public List<RelationshipPlan> Relationships { get; } = [];
    public bool Uasc { get; init; }
    public AdultPlan? Grandparent { get; set; }
}

internal sealed record SchoolInfo(string Name, string Contact, string Role, string Phone, bool Secondary);
internal sealed record GpInfo(string Practice, string Doctor, string Phone);

internal sealed class ChildPlan
{
    public required Person Person { get; init; }
    public required Family Family { get; init; }
    public CaseStatus Status { get; set; }
    public Heritage Heritage { get; set; }
    public AdultPlan? Father { get; set; }
    public CaseGroup Group { get; set; } = null!;
    /// The child's own involvements: the group's, clipped to the child's date of birth.
    public List<ChildSpan> Spans { get; } = [];
    public List<AllocSeg> OwnAllocations { get; } = [];
    public List<Residence> Homes { get; } = [];
    public SchoolInfo? School { get; set; }
    public GpInfo? Gp { get; set; }
    public string? HealthVisitor { get; set; }
    public Worker? RecordedBy { get; set; }
    public string Name => Person.KnownAs ?? Person.FirstName;
    public DateOnly? Dob => Person.DateOfBirth;
    public int AgeOn(DateOnly date) => Person.DateOfBirth is { } d ? Dates.AgeOn(d, date) : -1;
}

/// Children in one family with the same current status: siblings share referrals, plans,
/// periods in care, workers and visit dates, as they usually do in practice.
internal sealed class CaseGroup
{
    public required Family Family { get; init; }
    public CaseStatus Status { get; init; }
    public List<ChildPlan> Members { get; } = [];
    public List<Span> Spans { get; } = [];
    /// Social worker, early help worker or personal adviser: who holds the case, over time.
    public List<AllocSeg> Social { get; } = [];
    public List<AllocSeg> Iro { get; } = [];
    public bool RepeatPlan { get; set; }
    public bool VisitOverdue { get; set; }
    public bool ReviewOverdue { get; set; }
    public string? CategoryOfAbuse { get; set; }
    public Span? Current => Spans.Count > 0 && Spans[^1].End is null ? Spans[^1] : null;
    public AllocSeg? CurrentSocial => Social.LastOrDefault(s => s.End is null);
    public AllocSeg? CurrentIro => Iro.LastOrDefault(s => s.End is null);
    public DateOnly Oldest => Members.Min(m => m.Person.DateOfBirth ?? DateOnly.MaxValue);
    public bool Unborn => Members.All(m => m.Person.IsUnborn);
}

internal sealed class Span
{
    public InvolvementKind Kind { get; init; }
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }
    public List<DateOnly> Reviews { get; } = [];
    public List<DateOnly> Visits { get; } = [];
    public List<Placement> Placements { get; } = [];
    public bool ViaMash { get; set; }
    /// A period of care that ended in an adoption order (its last placement is the adoptive one).
    public bool EndsInAdoption { get; set; }
}

/// One of a child's involvements: the group's span, starting no earlier than the child's birth.
internal sealed record ChildSpan(Span Span, DateOnly Start);

internal sealed class AllocSeg
{
    public AllocationKind Kind { get; init; }
    public TeamType Type { get; init; }
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }
    public Worker? Worker { get; set; }
    public Team? Team { get; set; }
}

internal sealed class Placement
{
    public PlacementKind Kind { get; init; }
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }
    public Address? Address { get; set; }
    public List<AdultPlan> Carers { get; } = [];
    public string Description { get; set; } = "";
}

/// Who holds cases in a team type, and how many children they hold now.
internal sealed class CaseHolder
{
    public required Worker Worker { get; init; }
    public required Team Team { get; init; }
    public int Capacity { get; init; }
    public int Load { get; set; }
    public List<CaseGroup> Groups { get; } = [];
}
