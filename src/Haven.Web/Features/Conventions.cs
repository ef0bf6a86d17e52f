using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Haven.Web.Features;

/// Who may use each folder of pages. Everything not listed here needs a signed-in user (the
/// fallback policy); access to a specific child is then checked by ChildRecordPageFilter.
public static class Conventions
{
    public static void Apply(PageConventionCollection c)
    {
        c.AllowAnonymousToFolder("/Account/SignIn");
        c.AllowAnonymousToFolder("/Errors");
        c.AllowAnonymousToFolder("/Public");
        c.AllowAnonymousToPage("/Accessibility");
        c.AllowAnonymousToFolder("/Dev");
        c.AddFolderApplicationModelConvention("/Dev", m => m.Filters.Add(new DevelopmentOnlyFilter()));
        c.AuthorizeFolder("/Children", Policies.CaseWork);
        c.AuthorizeFolder("/People", Policies.AddPeople);
        c.AuthorizeFolder("/Team", Policies.TeamCaseloads);
        c.AuthorizeFolder("/VirtualSchool", Policies.CaseWork);
        c.AuthorizeFolder("/Lado", Policies.Lado);
        c.AuthorizeFolder("/FrontDoor", Policies.FrontDoor);
        c.AuthorizeFolder("/Missing", Policies.MissingTakeUp);
        c.AuthorizeFolder("/Fostering", Policies.Fostering);
        c.AuthorizeFolder("/Homelessness", Policies.Homelessness);
        c.AuthorizeFolder("/Network", Policies.CaseWork);
        c.AuthorizeFolder("/InformationGovernance", Policies.InformationGovernance);
        c.AuthorizeFolder("/Mega", Policies.CaseWork);
        c.AuthorizeFolder("/Inclusion", Policies.Inclusion);
        c.AuthorizeFolder("/Stability", Policies.Stability);
        c.AuthorizeFolder("/CareLeavers", Policies.CareLeavers);
        c.AuthorizeFolder("/Performance", Policies.Performance);
        c.AuthorizeFolder("/Returns", Policies.Returns);
        c.AuthorizeFolder("/DataQuality", Policies.DataQuality);
        c.AuthorizeFolder("/DataFeed", Policies.Returns);
        // Every quality page is for those who lead practice, but one audit of a child's case: its actions are
        // on the My work of the child's worker, who opens it to see them and mark them done (CaseAudit).
        c.AddFolderApplicationModelConvention("/Quality", m =>
            m.EndpointMetadata.Add(new AuthorizeAttribute(m.ViewEnginePath == "/Quality/Audit" ? Policies.CaseAudit : Policies.Quality)));
        c.AuthorizeFolder("/Workforce", Policies.Quality);
        // The fostering forms that add a row also correct one: a second route to the same page.
        c.AddPageRoute("/Fostering/Households/Visits/Add", "/fostering/carers/{id:int}/visits/{row:int}/correct");
        c.AddPageRoute("/Fostering/Households/Training/Add", "/fostering/carers/{id:int}/training/{row:int}/correct");
        c.AddPageRoute("/Fostering/Households/Reviews/Add", "/fostering/carers/{id:int}/reviews/{row:int}/correct");
        c.AddPageRoute("/Fostering/Households/Feedback/Add", "/fostering/carers/{id:int}/feedback/{row:int}/correct");
    }
}
