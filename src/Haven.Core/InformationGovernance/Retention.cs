using Haven.Core.Data;
using Haven.Core.Involvements;

namespace Haven.Core.InformationGovernance;

public enum RetentionClass { ContactOnly, EarlyHelp, ChildInNeed, ChildProtection, LookedAfter }

public enum RetentionAnchor { DateOfBirth, LastActivity, EighteenthBirthdayOrLastActivity }

/// How long one class of children's record is kept, from which date, and on whose authority.
public sealed record RetentionRule(RetentionClass Class, string Record, RetentionAnchor Anchor, int Years, string Basis, string Source)
{
    public DateOnly KeepUntil(DateOnly? dateOfBirth, DateOnly lastActivity, DateOnly? dateOfDeath)
    {
        // A looked-after child who dies before 18: 15 years after death (CPPCR 2010 reg 50).
        if (Class == RetentionClass.LookedAfter && dateOfDeath is { } died && dateOfBirth is { } born && died < born.AddYears(18))
            return died.AddYears(15);
        var from = Anchor switch
        {
            RetentionAnchor.DateOfBirth => dateOfBirth ?? lastActivity,
            RetentionAnchor.LastActivity => lastActivity,
            _ => dateOfBirth is { } b && b.AddYears(18) > lastActivity ? b.AddYears(18) : lastActivity,
        };
        return from.AddYears(Years);
    }
}

/// The retention schedule (access-practice.md §9). A child's record is kept for the longest period
/// of any class it has ever fallen into: a child who was once looked after is kept to their 75th
/// birthday even if later work was early help only. Councils vary the local rules with
/// Haven:Retention:{Class}:Years. Adoption (100 years from the order) and carers' records belong to
/// their own services and are not in this schedule yet.
public sealed class RetentionSchedule
{
    public static readonly IReadOnlyList<RetentionRule> Defaults =
    [
        new(RetentionClass.LookedAfter, "Looked-after child's case record (and after-care)", RetentionAnchor.DateOfBirth, 75,
            "Statutory minimum", "Care Planning, Placement and Case Review (England) Regulations 2010 reg 50; access-practice.md §9"),
        new(RetentionClass.ChildProtection, "Child protection records", RetentionAnchor.LastActivity, 35,
            "Local policy (example: Blackpool)", "access-practice.md §9, RET (Blackpool, Derbyshire)"),
        new(RetentionClass.ChildInNeed, "Children in need (not protection or looked after)", RetentionAnchor.EighteenthBirthdayOrLastActivity, 3,
            "Local policy (example: Devon, 18 plus 3 years of inactivity)", "access-practice.md §9, RET (Devon)"),
        new(RetentionClass.EarlyHelp, "Early help", RetentionAnchor.DateOfBirth, 25,
            "Local policy (date of birth + 25, the common default for a minor)", "access-practice.md §9, RET (Lincolnshire, Derbyshire)"),
        new(RetentionClass.ContactOnly, "Contacts and assessments that led no further", RetentionAnchor.DateOfBirth, 25,
            "Local policy (date of birth + 25, the common default for a minor)", "access-practice.md §9, RET (Derbyshire)"),
    ];

    public RetentionSchedule(IEnumerable<RetentionRule>? rules = null) => Rules = (rules ?? Defaults).ToList();

    public IReadOnlyList<RetentionRule> Rules { get; }

    public static RetentionSchedule From(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        new(Defaults.Select(r => int.TryParse(configuration[$"Haven:Retention:{r.Class}:Years"], out var years) && years is > 0 and <= 200
            ? r with { Years = years, Basis = r.Basis + " (varied locally)" } : r));

    public RetentionRule Rule(RetentionClass c) => Rules.First(r => r.Class == c);

    public static IEnumerable<RetentionClass> ClassesOf(IEnumerable<InvolvementKind> kinds) =>
        kinds.Select(k => k switch
        {
            InvolvementKind.InCare or InvolvementKind.CareLeaver => RetentionClass.LookedAfter,
            InvolvementKind.ChildProtection => RetentionClass.ChildProtection,
            InvolvementKind.ChildInNeed => RetentionClass.ChildInNeed,
            InvolvementKind.EarlyHelp => RetentionClass.EarlyHelp,
            _ => RetentionClass.ContactOnly,
        }).DefaultIfEmpty(RetentionClass.ContactOnly).Distinct();

    /// The date the whole record may be reviewed for destruction, and the rule that sets it.
    public (DateOnly KeepUntil, RetentionRule Rule) KeepUntil(IEnumerable<InvolvementKind> kinds, DateOnly? dateOfBirth, DateOnly lastActivity, DateOnly? dateOfDeath) =>
        ClassesOf(kinds).Select(c => Rule(c)).Select(r => (r.KeepUntil(dateOfBirth, lastActivity, dateOfDeath), r))
            .OrderByDescending(x => x.Item1).First();
}

/// Stops destruction while it is in force: for one person's records, or for everything (an inquiry).
public class LegalHold : IVersioned
{
    public int Id { get; set; }
    /// The person whose records are held; null holds every record.
    public int? HeldPersonId { get; set; }
    public required string Reason { get; set; }
    public required string Owner { get; set; }
    public DateOnly ReviewOn { get; set; }
    public DateTime PlacedAt { get; set; }
    public int PlacedByWorkerId { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public int? ReleasedByWorkerId { get; set; }
    public Guid Version { get; set; }
}

/// A decision to destroy one person's records past retention: proposed by one officer, approved by
/// another, then carried out. Only metadata is kept afterwards (never content), with the fact of
/// destruction also in the access log. The person's number is kept as a plain number, not a link.
public class DestructionDecision : IVersioned
{
    public int Id { get; set; }
    public int HavenNumber { get; set; }
    public RetentionClass RetentionClass { get; set; }
    public DateOnly KeepUntil { get; set; }
    public required string Reason { get; set; }
    public DateTime ProposedAt { get; set; }
    public int ProposedByWorkerId { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public int? ApprovedByWorkerId { get; set; }
    public DateTime? CarriedOutAt { get; set; }
    public int? RowsDestroyed { get; set; }
    public Guid Version { get; set; }
}
