namespace Haven.Web.Infrastructure;

/// Authorization policy names. What each role may do is decided by Haven.Core.Access.AccessMatrix.
public static class Policies
{
    public const string Api = "api";
    public const string CaseWork = "casework";
    public const string AddPeople = "add-people";
    public const string TeamCaseloads = "team-caseloads";
    /// The LADO compartment: allegations against people who work with children (AccessMatrix.Compartments).
    public const string Lado = "lado";
    public const string FrontDoor = "front-door";
}
