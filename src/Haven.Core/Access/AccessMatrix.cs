using Haven.Core.Workforce;

namespace Haven.Core.Access;

/// How far a role reaches among children's records. Own: children allocated to the worker or
/// explicitly granted; Team: children allocated to the worker's team; Service: to any team in the
/// worker's service; All: every child that is not restricted.
public enum AccessScope { None, Own, Team, Service, All }

public enum AccessLevel { Read, Write }

/// Kinds of record, for the permission table: the rows of access-practice.md §12 Table A.
public enum RecordKind { ChildRecord, CaseNotes, Chronology, Relationships, Workforce, AccessLog, Education, LadoCase, SealedAdoption, SubjectAccess }

/// A role that reads (and writes) one narrow kind of record for a whole cohort of children,
/// beyond its scope for the child's full record.
public sealed record CohortAccess(HavenRole Role, RecordKind Kind, string Cohort, string Rationale);

public sealed record RoleAccess(HavenRole Role, AccessScope Read, AccessScope Write, bool CanAddPeople, bool SeesTeamCaseloads, string Rationale);

public sealed record Compartment(RecordKind Kind, string Name, IReadOnlyList<HavenRole> Roles, string Rationale);

/// The one table of who may read and change children's records. Restricted records are opened
/// only by an explicit, unexpired grant, whatever the role (see ChildAccess). Adapted from the
/// suggested matrix in shared/reference/access-practice.md §12, narrowed to need to know.
public static class AccessMatrix
{
    public static readonly IReadOnlyList<RoleAccess> Roles =
    [
        new(HavenRole.SocialWorker, AccessScope.Service, AccessScope.Team, true, false,
            "Reads its service's children for history and siblings; writes on its team's cases."),
        new(HavenRole.TeamManager, AccessScope.Service, AccessScope.Team, true, true,
            "Oversees and authorises the team's work; sees the team's caseloads and what is overdue."),
        new(HavenRole.MashWorker, AccessScope.All, AccessScope.Own, true, false,
            "The front door must search and read everything to decide; writes on children it holds."),
        new(HavenRole.EarlyHelpWorker, AccessScope.Team, AccessScope.Team, true, false,
            "Early help cohort of its own team only."),
        new(HavenRole.Iro, AccessScope.Own, AccessScope.Own, false, false,
            "Children for whom the officer is the appointed IRO."),
        new(HavenRole.Lado, AccessScope.None, AccessScope.None, false, false,
            "Works on records about adults in a separate compartment, not children's case files."),
        new(HavenRole.VirtualSchoolOfficer, AccessScope.Own, AccessScope.Own, false, false,
            "Children in care allocated to the officer; education-relevant work only."),
        new(HavenRole.FosteringWorker, AccessScope.None, AccessScope.None, false, false,
            "Works on carer households, not children's case files."),
        new(HavenRole.PersonalAdviser, AccessScope.Own, AccessScope.Own, false, false,
            "Care leavers allocated to the adviser."),
        new(HavenRole.PerformanceAnalyst, AccessScope.None, AccessScope.None, false, false,
            "Reads aggregate reports and returns, not case screens."),
        new(HavenRole.SeniorLeader, AccessScope.All, AccessScope.None, false, false,
            "Reads across the service for oversight; does not change case records."),
        new(HavenRole.SystemAdministrator, AccessScope.None, AccessScope.None, false, false,
            "Manages users and configuration; no case content."),
        new(HavenRole.PartnerAgency, AccessScope.Own, AccessScope.None, false, false,
            "Only children the council has explicitly granted, read only."),
        new(HavenRole.InformationGovernance, AccessScope.None, AccessScope.None, false, false,
            "No case screens: gathers everything held about a person only through subject access requests, and decides retention, always logged."),
    ];

    /// Narrow, cohort-wide access. The virtual school head is responsible for the education of every
    /// child the council looks after, so the virtual school reads and writes the education record
    /// (school, PEPs, attendance, SEN, progress, exclusions, post-16) of every child in care, but
    /// nothing else of their record unless the child is allocated to them (access-practice.md §4).
    public static readonly IReadOnlyList<CohortAccess> Cohorts =
    [
        new(HavenRole.VirtualSchoolOfficer, RecordKind.Education, "Every child in care now (restricted records excepted)",
            "The virtual school head answers for the education of all children in care: education records only, no case notes, health, legal or family detail."),
    ];

    public static CohortAccess? CohortFor(HavenRole role, RecordKind kind) =>
        Cohorts.FirstOrDefault(c => c.Role == role && c.Kind == kind);

    /// Compartments: kinds of record that are not children's records and open to named roles only,
    /// whatever their scope over children (access-practice.md §12 Table B).
    public static readonly IReadOnlyList<Compartment> Compartments =
    [
        new(RecordKind.LadoCase, "Allegations against people who work with children (LADO)", [HavenRole.Lado],
            "Records about adults in positions of trust: confidential to the LADO service. Children involved are linked by id only; "
            + "the LADO does not see their case files and their records show nothing of the allegation."),
        new(RecordKind.SubjectAccess, "Subject access requests, disclosure bundles and retention decisions", [HavenRole.InformationGovernance],
            "Answering a subject access request means reading every record that names a person, restricted ones included (access-practice.md §10); "
            + "the information governance officer does it through the request, never through case screens, and every bundle released is logged and kept. "
            + "Destroying records past their retention period needs a second officer's approval (§9)."),
        new(RecordKind.SealedAdoption, "Sealed adoption records (after the adoption order)", Permanence.SealedAdoptionSettings.DefaultRoles,
            "Once an adoption order is made the child's record is sealed: it opens, read only, to the named roles (Haven:SealedAdoption:Roles), "
            + "every view is logged, and the child is left out of search and every list for everyone else, whatever their reach or grants."),
    ];

    public static bool MayUse(HavenRole role, RecordKind kind) =>
        Compartments.FirstOrDefault(c => c.Kind == kind) is { } c && c.Roles.Contains(role);
    /// Who works the front door (contacts, MASH checks, threshold decisions, out-of-hours handovers):
    /// MASH workers, and managers who sign decisions off. The out-of-hours team signs in as MASH workers.
    public static bool WorksAtFrontDoor(HavenRole role) => role is HavenRole.MashWorker or HavenRole.TeamManager;
    /// Who changes who holds a child's case (a change of social worker, with its reason): team managers
    /// and senior leaders, who manage caseloads. Social workers see the history but do not reallocate.
    public static bool Reallocates(HavenRole role) => role is HavenRole.TeamManager or HavenRole.SeniorLeader;

    /// Who records a child's deprivation of liberty orders: the child's social worker (allocated:
    /// DeprivationOfLibertyService.MayRecordAsync) and team managers.
    public static bool RecordsDeprivationOfLiberty(HavenRole role) => role is HavenRole.SocialWorker or HavenRole.TeamManager;

    public static RoleAccess For(HavenRole role) => Roles.First(r => r.Role == role);

    public static AccessScope Scope(HavenRole role, AccessLevel level) =>
        level == AccessLevel.Read ? For(role).Read : For(role).Write;

    public static string Describe(AccessScope scope) => scope switch
    {
        AccessScope.None => "None",
        AccessScope.Own => "Own (allocated or granted)",
        AccessScope.Team => "Own team's children",
        AccessScope.Service => "Own service's children",
        AccessScope.All => "All (not restricted)",
        _ => scope.ToString(),
    };
}
