//! Dependency injection (NestJS): a provider object registers a factory's result under a token
//! (`{ provide: SDK_TOKEN, useFactory: () => new NodeSDK(..) }`) and a class receives it as a
//! constructor parameter (`constructor(@Inject(SDK_TOKEN) private readonly sdk: NodeSDK)`).
//! Both ends name the value `inject:<token>`, so the model links what the factory returns to
//! what the class does with it, as it links any function's result to its caller.

use super::resolve::{call_args, callee};
use super::FileCtx;
use crate::lang::core::SourceFile;
use crate::lang::fields::NodeFields;
use tree_sitter::Node;

impl FileCtx<'_> {
    /// The injection name of `function` when it is a provider's factory: the value of a
    /// `di_factory_keys` pair in an object whose `di_token_keys` pair names the token.
    pub(super) fn factory_token(&self, function: Node<'_>) -> Option<String> {
        let methods = &self.knowledge.methods;
        let pair = function.parent().filter(|p| p.kind() == "pair")?;
        let key = self.property_key(pair)?;
        if !methods.di_factory_keys.contains(&key) {
            return None;
        }
        let object = pair.parent().filter(|o| o.kind() == "object")?;
        let token = methods
            .di_token_keys
            .iter()
            .find_map(|k| self.object_property(object, k))?;
        self.token_name(token)
    }

    /// The injection name of the constructor parameter `name` of the class around `at`
    /// (`@Inject(SDK_TOKEN) private readonly sdk`), if it is injected by token.
    pub(super) fn injected_token(&self, at: Node<'_>, name: &str) -> Option<String> {
        let mut class = at.parent();
        while let Some(c) = class {
            if matches!(
                c.kind(),
                "class_declaration" | "class" | "abstract_class_declaration"
            ) {
                break;
            }
            class = c.parent();
        }
        let body = class?.field("body")?;
        let mut cursor = body.walk();
        let constructor = body.named_children(&mut cursor).find(|m| {
            m.kind() == "method_definition"
                && m.field("name")
                    .is_some_and(|n| self.text(n) == "constructor")
        })?;
        let params = constructor.field("parameters")?;
        let mut cursor = params.walk();
        let param = params.named_children(&mut cursor).find(|p| {
            p.field("pattern")
                .is_some_and(|n| n.kind() == "identifier" && self.text(n) == name)
        })?;
        let mut cursor = param.walk();
        let token = param
            .named_children(&mut cursor)
            .filter(|d| d.kind() == "decorator")
            .filter_map(|d| d.named_child(0))
            .filter(|call| call.kind() == "call_expression")
            .find(|call| {
                callee(*call).is_some_and(|f| {
                    self.knowledge
                        .methods
                        .di_inject_decorators
                        .iter()
                        .any(|n| n.as_str() == self.text(f))
                })
            })
            .and_then(|call| call_args(call).first().copied())?;
        self.token_name(token)
    }

    /// `inject:SDK_TOKEN` for an identifier or member token, `inject:sdk` for a string token.
    fn token_name(&self, token: Node<'_>) -> Option<String> {
        let name = match token.kind() {
            "identifier" | "member_expression" => self.text(token).into_owned(),
            _ => self.string_value(token)?,
        };
        Some(format!("inject:{name}"))
    }

    /// The key of an object pair as written (`useFactory`, `'useFactory'`).
    fn property_key(&self, pair: Node<'_>) -> Option<String> {
        let key = pair.field("key")?;
        Some(
            self.string_value(key)
                .unwrap_or_else(|| self.text(key).into_owned()),
        )
    }
}
