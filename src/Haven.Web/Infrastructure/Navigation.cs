using Haven.Core.Access;
using Haven.Core.Workforce;

namespace Haven.Web.Infrastructure;

/// One place in Haven: where it is, what it is for, who may go there, and for whom it is part of
/// the day's work (in the top menu) rather than a report they look at now and then (on /reports).
public sealed record Destination(string Text, string Href, string Description, string Section,
    Func<HavenRole, bool> Sees, Func<HavenRole, bool> InMenu);

/// Every destination of the top menu and the Reports page, defined once. The top menu stays short:
/// the day's work for the role; every figure, register and panel a role may see is one click away
/// on /reports. Pages still check their own policy: this only decides what is offered.
public static class Navigation
{
    public const string Work = "Work";
    public const string PerformanceAndQuality = "Performance and quality";
    public const string Services = "Services";
    public const string PanelsAndNetworks = "Panels and networks";

    /// The order sections appear in on the Reports page.
    public static readonly IReadOnlyList<string> ReportSections = [PerformanceAndQuality, Services, PanelsAndNetworks];

    static bool ReadsRecords(HavenRole role) => AccessMatrix.For(role).Read != AccessScope.None;
    static bool Always(HavenRole _) => true;
    static bool Never(HavenRole _) => false;

    public static readonly IReadOnlyList<Destination> All =
    [
        new("My work", "/", "What is due and overdue for you.", Work, Always, Always),
        new("Find a child", "/children", "Search for a child or young person.", Work, ReadsRecords, Always),
        new("Team", "/team", "Your team's caseloads and what is overdue.", Work, r => AccessMatrix.For(r).SeesTeamCaseloads, Always),
        new("Front door", "/front-door", "Contacts, MASH checks and threshold decisions.", Work, AccessMatrix.WorksAtFrontDoor, Always),
        new("Allegations (LADO)", "/lado", "Allegations against people who work with children.", Work,
            r => AccessMatrix.MayUse(r, RecordKind.LadoCase), Always),
        new("Information governance", "/information-governance", "Subject access requests and retention.", Work,
            r => AccessMatrix.MayUse(r, RecordKind.SubjectAccess), Always),

        new("Performance", "/performance", "The measures leaders use, with trends, England's figures and the children behind each number.", PerformanceAndQuality,
            Policies.SeesPerformance, r => r is HavenRole.PerformanceAnalyst or HavenRole.SeniorLeader),

        new("Quality assurance", "/quality", "Case audits, moderation, themes and learning, and feedback from children, families and partners.", PerformanceAndQuality,
            Policies.SeesQuality, r => r == HavenRole.SeniorLeader),
        new("Workforce", "/workforce", "Stability of the workforce by team, caseloads, and children who have had many social workers.", PerformanceAndQuality,
            Policies.SeesQuality, Never),
        new("Data quality", "/data-quality", "Every current failure of the statutory returns' rules, with where to fix it.", PerformanceAndQuality,
            Policies.SeesDataQuality, r => r == HavenRole.PerformanceAnalyst),
        new("Statutory returns", "/returns", "The CIN census, SSDA903 and Ofsted Annex A, produced for download.", PerformanceAndQuality,
            Policies.ProducesReturns, r => r == HavenRole.PerformanceAnalyst),
        new("DfE data feed", "/data-feed", "The daily data feed to the Department for Education: last sends, failures and children waiting.", PerformanceAndQuality,
            Policies.ProducesReturns, r => false),

        new("Virtual school", "/virtual-school", "Children in care's education: PEPs, attendance and progress.", Services,
            r => r is HavenRole.VirtualSchoolOfficer or HavenRole.TeamManager or HavenRole.SeniorLeader, r => r == HavenRole.VirtualSchoolOfficer),
        new("Fostering and adoption", "/fostering", "Recruitment of carers and adopters, carer households, permanence and adoption timeliness.", Services,
            Policies.SeesFostering, r => r == HavenRole.FosteringWorker),
        new("Care leavers", "/care-leavers", "Care leavers in touch, in suitable accommodation and in education, employment or training; the local offer.", Services,
            Policies.SeesCareLeavers, r => r == HavenRole.PersonalAdviser),
        new("Placement stability", "/stability", "Children in care with three or more placements in a year, and long-term stability.", Services,
            Policies.SeesStability, Never),
        new("Missing from home and care", "/missing", "Missing episodes and return home interview take-up.", Services,
            Policies.SeesTakeUp, Never),
        new("Homeless 16- and 17-year-olds", "/homelessness", "Options step completed and bed and breakfast breaches.", Services,
            Policies.SeesHomelessnessFigures, Never),
        new("School inclusion", "/inclusion", "Elective home education, children missing education, suspensions and exclusions.", Services,
            Policies.SeesInclusion, Never),

        new("MEGA panel", "/mega", "The missing, exploited and gangs panel: children offered, decisions and actions.", PanelsAndNetworks,
            ReadsRecords, Never),
        new("Networks", "/network", "Links between young people, adults of concern and places.", PanelsAndNetworks,
            ReadsRecords, Never),
        new("Management oversight", "/team/oversight", "Cases with no recent management oversight.", PanelsAndNetworks,
            r => AccessMatrix.For(r).SeesTeamCaseloads, Never),
    ];

    /// The top menu for a role: its day's work, then Reports when it may see any report.
    public static IReadOnlyList<Destination> Menu(HavenRole role)
    {
        var menu = All.Where(d => d.Sees(role) && d.InMenu(role)).ToList();
        if (Reports(role).Count > 0)
            menu.Add(new("Reports", "/reports", "Figures, registers and panels.", Work, Always, Always));
        return menu;
    }

    /// What a role may see on the Reports page, in section order.
    public static IReadOnlyList<Destination> Reports(HavenRole role) =>
        All.Where(d => d.Section != Work && d.Sees(role))
            .OrderBy(d => ReportSections.ToList().IndexOf(d.Section)).ToList();
}
