[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Spm.GraphQL.AspNetCore.Tests")]
