namespace Haven.Core.Workforce;

/// Haven's roles. The names are the ASP.NET Core Identity role names and the demo accounts'
/// suffixes (demo.socialworker). What each role may do is in Access/AccessMatrix.cs.
public enum HavenRole
{
    SocialWorker,
    TeamManager,
    MashWorker,
    EarlyHelpWorker,
    Iro,
    Lado,
    VirtualSchoolOfficer,
    FosteringWorker,
    PersonalAdviser,
    PerformanceAnalyst,
    SeniorLeader,
    SystemAdministrator,
    PartnerAgency,
    InformationGovernance,
}

public static class HavenRoles
{
    public static string Describe(this HavenRole role) => role switch
    {
        HavenRole.SocialWorker => "Social worker",
        HavenRole.TeamManager => "Team manager",
        HavenRole.MashWorker => "MASH worker",
        HavenRole.EarlyHelpWorker => "Early help worker",
        HavenRole.Iro => "Independent reviewing officer",
        HavenRole.Lado => "Designated officer (LADO)",
        HavenRole.VirtualSchoolOfficer => "Virtual school officer",
        HavenRole.FosteringWorker => "Fostering worker",
        HavenRole.PersonalAdviser => "Personal adviser",
        HavenRole.PerformanceAnalyst => "Performance analyst",
        HavenRole.SeniorLeader => "Senior leader",
        HavenRole.SystemAdministrator => "System administrator",
        HavenRole.PartnerAgency => "Partner agency",
        HavenRole.InformationGovernance => "Information governance officer",
        _ => role.ToString(),
    };

    public static bool TryParse(string? text, out HavenRole role) =>
        Enum.TryParse(text?.Replace("-", "").Replace("_", "").Replace(" ", ""), ignoreCase: true, out role) && Enum.IsDefined(role);
}

/// A part of children's services: front door, assessment and intervention, children in care...
public class Service
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

public class Team
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int ServiceId { get; set; }
    public Service Service { get; set; } = null!;
}

/// Someone who works with children's records: a council worker or a partner-agency user.
/// Their sign-in is a HavenUser linked by WorkerId.
public class Worker
{
    public int Id { get; set; }
    public required string DisplayName { get; set; }
    public HavenRole Role { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    /// Social Work England registration number, for social workers (903 and DfE API worker id).
    public string? SweNumber { get; set; }
    public bool IsActive { get; set; } = true;
}
