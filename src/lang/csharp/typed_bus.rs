//! Message buses that route by message type (MassTransit): the type of the message a call
//! publishes or sends, and the types a consumer class or a saga state machine consumes. The
//! type's name is the topic the service map matches publishers and consumers by; the bus's own
//! instrumentation decides whether the trace crosses.

use super::syntax::{self, args, declared_value, last_name, named_children};
use super::FileCtx;
use crate::facts::{Extraction, FactKind, Injection, Proto};
use crate::knowledge::TypedBus;
use crate::lang::core::SourceFile;
use crate::lang::fields::NodeFields;
use tree_sitter::Node;

/// Types a publish call takes that are not the message (`Send(new Uri("queue:x"), message)`).
const NOT_MESSAGES: &[&str] = &["Uri", "CancellationToken", "TimeSpan"];

impl<'a> FileCtx<'a> {
    /// The typed bus the file uses, if it mentions one.
    pub(super) fn typed_bus(&self) -> Option<&'a TypedBus> {
        let text = std::str::from_utf8(self.src).unwrap_or("");
        self.knowledge
            .typed_buses
            .iter()
            .find(|b| b.markers.iter().any(|m| text.contains(m.as_str())))
    }

    /// `publisher.Publish<OrderPlaced>(...)`, `endpoint.Send(new OrderPlaced(...))`,
    /// `.Publish(context => new OrderPlaced { ... })`: a message of that type leaves.
    pub(super) fn typed_publish(&mut self, call: Node<'a>, bus: &TypedBus) {
        let receiver = syntax::callee(call, self.src)
            .and_then(|c| c.receiver)
            .and_then(|r| last_name(r, self.src))
            .unwrap_or_default()
            .to_ascii_lowercase();
        if bus
            .other_receivers
            .iter()
            .any(|o| receiver.contains(o.as_str()))
        {
            return;
        }
        let Some(message) = self.published_type(call) else {
            return;
        };
        let target = self.callee_text(call);
        let flow = self.flow(call);
        self.push(
            call,
            FactKind::MessageTopic {
                topic: message,
                sends: true,
            },
        );
        self.push(
            call,
            FactKind::outbound(
                Proto::Messaging,
                target,
                Injection::Patched(bus.library.clone()),
                flow,
            ),
        );
    }

    /// The message type a publish call names: its single type argument (unless a type
    /// parameter), else the type of the first message object among its arguments.
    fn published_type(&self, call: Node<'a>) -> Option<String> {
        let arguments = args(call, self.src);
        // `cfg.Publish<T>(e => { e.Durable = true; })` on a bus configurator sets up the
        // message's publish topology (an exchange); nothing is sent.
        let configures = matches!(arguments.as_slice(), [(_, a)] if a.kind() == "lambda_expression"
            && a.field("body").is_some_and(|b| b.kind() == "block"));
        if configures {
            return None;
        }
        if let Some(arg) = syntax::single_type_argument(call) {
            let name = last_name(arg, self.src)?;
            return (!self.is_type_parameter(call, &name)).then(|| message_topic(&name));
        }
        arguments
            .into_iter()
            .find_map(|(_, a)| self.message_object_type(a))
            .filter(|t| !self.is_type_parameter(call, t))
            .map(|t| message_topic(&t))
    }

    /// The type of a message object argument: `new T(...)`, a lambda returning `new T(...)`, or
    /// a variable bound once to either.
    fn message_object_type(&self, arg: Node<'a>) -> Option<String> {
        let value = match arg.kind() {
            "identifier" => {
                let function = self.enclosing_function(arg);
                crate::lang::tree::single_binding(arg, function, self.src, declared_value)?
            }
            "lambda_expression" => arg.field("body")?,
            _ => arg,
        };
        if value.kind() != "object_creation_expression" {
            return None;
        }
        let ty = self.created_type(value)?;
        (!NOT_MESSAGES.contains(&ty.as_str())).then_some(ty)
    }

    /// Whether `name` is a type parameter of a declaration around `node` (`Send<T>(T message)`
    /// in a generic helper names no message type).
    fn is_type_parameter(&self, node: Node<'a>, name: &str) -> bool {
        let mut current = node.parent();
        while let Some(n) = current {
            let declares = named_children(n)
                .into_iter()
                .filter(|c| c.kind() == "type_parameter_list")
                .flat_map(named_children)
                .any(|p| syntax::text(p, self.src).split_whitespace().last() == Some(name));
            if declares {
                return true;
            }
            current = n.parent();
        }
        false
    }

    /// `class OrderPlacedConsumer : IConsumer<OrderPlaced>`, or a saga state machine with
    /// `Event<OrderPlaced>` properties: it consumes those message types.
    pub(super) fn typed_consumer(&mut self, class: Node<'a>, bus: &TypedBus) {
        let mut consumed: Vec<String> = Vec::new();
        let mut state_machine = false;
        for base in named_children(class)
            .into_iter()
            .filter(|c| c.kind() == "base_list")
            .flat_map(named_children)
        {
            let Some(name) = last_name(base, self.src) else {
                continue;
            };
            if bus.state_machine_bases.contains(&name) {
                state_machine = true;
            }
            if !bus.consumer_bases.contains(&name) {
                continue;
            }
            if let Some(arg) = generic_argument(base) {
                if let Some(t) = last_name(arg, self.src) {
                    consumed.push(t);
                }
            }
        }
        if state_machine {
            if let Some(event) = &bus.event_property {
                consumed.extend(self.event_properties(class, event));
            }
        }
        let router = class
            .field("name")
            .map(|n| syntax::text(n, self.src).to_string());
        for message in consumed {
            if self.is_type_parameter(class, &message) {
                continue;
            }
            self.push(
                class,
                FactKind::MessageTopic {
                    topic: message_topic(&message),
                    sends: false,
                },
            );
            self.push(
                class,
                FactKind::inbound(
                    Proto::Messaging,
                    None,
                    router.clone(),
                    Extraction::Patched(bus.library.clone()),
                ),
            );
        }
    }

    /// The type arguments of a class's `Event<T>` properties.
    fn event_properties(&self, class: Node<'a>, event: &str) -> Vec<String> {
        let Some(body) = class.field("body") else {
            return Vec::new();
        };
        named_children(body)
            .into_iter()
            .filter(|m| m.kind() == "property_declaration")
            .filter_map(|p| {
                let ty = p.field("type")?;
                (last_name(ty, self.src)? == event).then_some(())?;
                last_name(generic_argument(ty)?, self.src)
            })
            .collect()
    }

    /// `AddSource("MassTransit")`: registering the source switches on the instrumentation of
    /// the libraries the knowledge table lists for it.
    pub(super) fn source_patches(&mut self, arg: Node<'a>) {
        let name = syntax::string_value(arg, self.src).unwrap_or_else(|| {
            syntax::text(arg, self.src)
                .split_whitespace()
                .collect::<String>()
        });
        let knowledge = self.knowledge;
        let Some(libraries) = knowledge.patches(&format!("AddSource:{name}")) else {
            return;
        };
        for library in libraries.iter().cloned() {
            self.push(arg, FactKind::LibraryPatched { library });
        }
    }
}

/// The single type argument of a generic type (`IConsumer<OrderPlaced>` → `OrderPlaced`).
fn generic_argument(ty: Node<'_>) -> Option<Node<'_>> {
    let generic = match ty.kind() {
        "generic_name" => ty,
        "qualified_name" => ty.field("name").filter(|n| n.kind() == "generic_name")?,
        _ => return None,
    };
    let list = named_children(generic)
        .into_iter()
        .find(|n| n.kind() == "type_argument_list")?;
    match named_children(list).as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// The topic a message type is matched by: its name without the `I` of an interface
/// (MassTransit publishes a message to the exchanges of its class and of the interfaces it
/// implements: `OrderPlaced` reaches the consumers of `IOrderPlaced`).
fn message_topic(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some('I'), Some(c)) if c.is_ascii_uppercase() => name[1..].to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::message_topic;

    #[test]
    fn interface_names_match_their_classes() {
        assert_eq!(message_topic("IOrderPlaced"), "OrderPlaced");
        assert_eq!(message_topic("OrderPlaced"), "OrderPlaced");
        assert_eq!(message_topic("Invoice"), "Invoice");
        assert_eq!(message_topic("I"), "I");
    }
}
