global using System.Net;
global using System.Net.Http.Json;
global using Haven.Core.Workforce;
global using Haven.TestCommon;
