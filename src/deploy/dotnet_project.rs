//! .NET project files (`*.csproj`): the projects a project builds into itself
//! (`<ProjectReference Include="..\Common\Common.csproj" />`). A class library referenced this
//! way runs inside each program that references it.

use super::compose::join;
use super::line_of;
use crate::facts::{Fact, FactKind};

/// The most references read from one project file.
const MAX_REFERENCES: usize = 256;

/// Facts from a project file's text; `dir` is its directory relative to the root.
pub fn facts(text: &str, dir: &str) -> Vec<Fact> {
    let mut out = Vec::new();
    for element in text.split("<ProjectReference").skip(1).take(MAX_REFERENCES) {
        let Some(include) = attribute(element, "Include") else {
            continue;
        };
        let path = include.trim().replace('\\', "/");
        // The referenced project's directory: the path without its file name.
        let (project_dir, file) = path.rsplit_once('/').unwrap_or(("", path.as_str()));
        if !file.ends_with("proj") || path.contains(['$', '*']) {
            continue;
        }
        let target = join(dir, project_dir);
        if target == dir {
            continue;
        }
        out.push(Fact {
            kind: FactKind::ProjectReference { dir: target },
            loc: line_of(text, include),
        });
    }
    out
}

/// The value of `name="…"` at the start of an element's text (up to its closing `>`).
fn attribute<'t>(element: &'t str, name: &str) -> Option<&'t str> {
    let tag = &element[..element.find('>').unwrap_or(element.len())];
    let at = tag.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    rest.find(quote).map(|end| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs(text: &str, dir: &str) -> Vec<String> {
        facts(text, dir)
            .into_iter()
            .filter_map(|f| match f.kind {
                FactKind::ProjectReference { dir } => Some(dir),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn project_references_name_directories() {
        let text = r#"<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <ProjectReference Include="..\Common\Common.csproj" />
    <ProjectReference Include='../Client.Chats/Client.Chats.csproj'>
      <PrivateAssets>all</PrivateAssets>
    </ProjectReference>
    <ProjectReference Include="Inner/Inner.csproj" />
    <ProjectReference Include="$(SolutionDir)X/X.csproj" />
    <PackageReference Include="Grpc.Net.Client" Version="2.0" />
  </ItemGroup>
</Project>"#;
        assert_eq!(
            dirs(text, "source/Server.Bff"),
            vec![
                "source/Common",
                "source/Client.Chats",
                "source/Server.Bff/Inner"
            ]
        );
        assert_eq!(dirs("<Project />", "a"), Vec::<String>::new());
        assert_eq!(
            dirs("<ProjectReference Include=", "a"),
            Vec::<String>::new()
        );
    }
}
