namespace Haven.Web.Infrastructure;

/// Authorization policy names. What each role may do is decided by Haven.Core.Access.AccessMatrix.
public static class Policies
{
    public const string Api = "api";
    public const string CaseWork = "casework";
    public const string AddPeople = "add-people";
    public const string TeamCaseloads = "team-caseloads";
    /// Changing who holds a child's case: team managers and senior leaders (AccessMatrix.Reallocates).
    public const string Reallocate = "reallocate";
    /// Recording an IRO visit between reviews: IROs, team managers and social workers (LookedAfterService.RecordsIroVisits).
    public const string RecordIroVisits = "record-iro-visits";
    /// Recording a child's deprivation of liberty orders: social workers and team managers (AccessMatrix.RecordsDeprivationOfLiberty).
    public const string RecordDeprivationOfLiberty = "record-deprivation-of-liberty";
    /// The LADO compartment: allegations against people who work with children (AccessMatrix.Compartments).
    public const string Lado = "lado";
    public const string FrontDoor = "front-door";
    public const string MissingTakeUp = "missing-take-up";
    public const string Homelessness = "homelessness";
    /// Subject access requests and retention (AccessMatrix.Compartments, RecordKind.SubjectAccess).
    public const string InformationGovernance = "information-governance";
    public const string Inclusion = "inclusion";
    public const string Stability = "stability";
    /// Fostering and adoption figures (recruitment conversion, carers, permanence, adoption timeliness).
    public const string Fostering = "fostering";
    /// Recording fostering and adoption recruitment and carer households: the fostering service and managers.
    public const string FosteringWork = "fostering-work";
    public const string CareLeavers = "care-leavers";
    /// The performance dashboard and reports hub (Performance.cs).
    public const string Performance = "performance";
    /// Case audits, moderation, themes, feedback and workforce stability (/quality, /workforce).
    public const string Quality = "quality";
    /// One audit of a child's case: those who see quality, and those who work with children's records
    /// (the page then checks the viewer may read that child): the audit's actions are on the My work of
    /// the child's worker, who marks them done there.
    public const string CaseAudit = "case-audit";

    /// Case work (the Children folder, child search): roles that may read some children's records.
    public static bool DoesCaseWork(Haven.Core.Workforce.HavenRole role) =>
        Haven.Core.Access.AccessMatrix.For(role).Read != Haven.Core.Access.AccessScope.None
        || Haven.Core.Access.AccessMatrix.MayUse(role, Haven.Core.Access.RecordKind.SealedAdoption);

    /// The homeless 16- and 17-year-olds figures (options step completed, bed and breakfast
    /// breaches) are for those who manage the service: team managers and senior leaders.
    public static bool SeesHomelessnessFigures(Haven.Core.Workforce.HavenRole role) =>
        role is Haven.Core.Workforce.HavenRole.TeamManager or Haven.Core.Workforce.HavenRole.SeniorLeader;

    /// Placement stability figures are for those who manage and oversee care: team managers, senior
    /// leaders, IROs and performance analysts (who see the counts but, having no access to case
    /// records, none of the children behind them).
    public static bool SeesStability(Haven.Core.Workforce.HavenRole role) =>
        role is Haven.Core.Workforce.HavenRole.TeamManager or Haven.Core.Workforce.HavenRole.SeniorLeader
            or Haven.Core.Workforce.HavenRole.Iro or Haven.Core.Workforce.HavenRole.PerformanceAnalyst;

    /// Return home interview take-up is a figure for those who act on it and those who report it:
    /// every role that reads children's records, and performance analysts (who see the counts but,
    /// having no access to case records, none of the children behind them).
    public static bool SeesTakeUp(Haven.Core.Workforce.HavenRole role) =>
        role == Haven.Core.Workforce.HavenRole.PerformanceAnalyst || Haven.Core.Access.AccessMatrix.For(role).Read != Haven.Core.Access.AccessScope.None;

    /// The home education register, children missing education and the exclusions trend are the
    /// council's registers across schools: for those who read children's records across the
    /// service, and performance analysts (counts; the lists name only children the viewer may read).
    public static bool SeesInclusion(Haven.Core.Workforce.HavenRole role) => SeesTakeUp(role);
    public static bool SeesFostering(Haven.Core.Workforce.HavenRole role) => role is Haven.Core.Workforce.HavenRole.FosteringWorker or Haven.Core.Workforce.HavenRole.SocialWorker
        or Haven.Core.Workforce.HavenRole.TeamManager or Haven.Core.Workforce.HavenRole.SeniorLeader or Haven.Core.Workforce.HavenRole.PerformanceAnalyst;

    public static bool DoesFosteringWork(Haven.Core.Workforce.HavenRole role) =>
        role is Haven.Core.Workforce.HavenRole.FosteringWorker or Haven.Core.Workforce.HavenRole.TeamManager;
    /// The care leavers list, its figures, the EET panel and the local offer: personal advisers and
    /// those who manage the service.
    public static bool SeesCareLeavers(Haven.Core.Workforce.HavenRole role) =>
        role is Haven.Core.Workforce.HavenRole.PersonalAdviser or Haven.Core.Workforce.HavenRole.TeamManager or Haven.Core.Workforce.HavenRole.SeniorLeader;

    /// The performance dashboard is for those who read and act on the service's figures: performance
    /// analysts, senior leaders and team managers. Analysts see every count but, having no access to
    /// case records, none of the children behind them.
    public static bool SeesPerformance(Haven.Core.Workforce.HavenRole role) =>
        role is Haven.Core.Workforce.HavenRole.PerformanceAnalyst or Haven.Core.Workforce.HavenRole.SeniorLeader
            or Haven.Core.Workforce.HavenRole.TeamManager;
    /// The statutory returns (every child the return includes, restricted ones too, as the law
    /// requires) are downloaded by performance analysts and senior leaders only.
    public const string Returns = "returns";
    public static bool ProducesReturns(Haven.Core.Workforce.HavenRole role) =>
        role is Haven.Core.Workforce.HavenRole.PerformanceAnalyst or Haven.Core.Workforce.HavenRole.SeniorLeader;

    /// The data quality page (every current failure of the returns' rules): performance analysts,
    /// senior leaders and team managers. It names only children the viewer may open.
    public const string DataQuality = "data-quality";
    public static bool SeesDataQuality(Haven.Core.Workforce.HavenRole role) =>
        ProducesReturns(role) || role == Haven.Core.Workforce.HavenRole.TeamManager;
    /// Quality assurance and workforce figures are for those who lead practice and report on it: team
    /// managers, senior leaders and performance analysts (who see figures, but no child they may not read).
    public static bool SeesQuality(Haven.Core.Workforce.HavenRole role) =>
        role is Haven.Core.Workforce.HavenRole.TeamManager or Haven.Core.Workforce.HavenRole.SeniorLeader or Haven.Core.Workforce.HavenRole.PerformanceAnalyst;

    /// Who audits and moderates cases: team managers and senior leaders (Haven has no separate auditor
    /// role: councils' auditors are practice leads and managers). Auditing a child is reading their record.
    public static bool AuditsCases(Haven.Core.Workforce.HavenRole role) =>
        role is Haven.Core.Workforce.HavenRole.TeamManager or Haven.Core.Workforce.HavenRole.SeniorLeader;
}
