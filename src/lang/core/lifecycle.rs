//! Span lifecycles on exit paths, written once for every language: is a started span ended on
//! every path out of its function, and if not, at which exits does it leak.
//!
//! A language classifies its statements into a small skeleton, [`Stmt`], through
//! [`StmtShape`], and says what an expression does to the tracked span ([`Effect`]).
//! [`leaks_after`] follows the skeleton from the statement that starts a span to every exit
//! of the function; [`leaks_from`] follows a body that receives an open span (a callback
//! handed the span) from its top. Both report the exits reached with the span still open: a
//! `return`, an uncaught `throw` where the language counts it ([`StmtShape::THROW_LEAKS`]), and
//! the end of the function when control falls off it. [`exits_after`] also reports the
//! statements that may throw with the span open and nothing catching ([`Effect::MayThrow`]),
//! for a language that counts an exception as a second kind of exit.
//!
//! The analysis is structural, in the style of `go vet`'s lostcancel. The state of a path is
//! one bit, ended or not. Branches (`if`, `switch` arms, `catch` clauses) are followed
//! separately and joined: control continues ended only when every branch that continues has
//! ended the span, and a branch that leaves (returns, exits) does not count. A loop body is
//! followed once and control continues after the loop, unless the loop never ends (after a
//! body that counts as run once, [`Stmt::LoopOnce`], with the state the body leaves). A
//! `finally` (or a scoped resource) that ends the span covers everything inside its statement.
//! Code after a statement that leaves is not followed.
//!
//! The walk visits each statement on the way once (a `finally` that may cover the span is
//! followed once more, silently, to learn whether it ends it), keeps one list of leaks, and
//! allocates nothing per statement beyond a tree-sitter cursor per sequence, `switch` or `try`.

use tree_sitter::Node;

use crate::lang::tree::combine;

/// A statement's control-flow shape: all the walker knows about a language's statements.
#[derive(Clone, Copy)]
pub enum Stmt<'t> {
    /// A sequence of statements run in order (a `{ ... }` block).
    Block(Seq<'t>),
    /// `if`/`else`: the statement run when the condition holds and the one run otherwise
    /// (`None` when absent: control continues unchanged on that branch).
    If {
        /// The consequence.
        then: Option<Node<'t>>,
        /// The alternative (`else`), possibly another `if`.
        otherwise: Option<Node<'t>>,
    },
    /// `switch` (or Go's `select`): its arms are the named children of this node for which
    /// [`StmtShape::arm`] answers. Without a default arm control may pass by every arm.
    Switch(Node<'t>),
    /// A loop with its body. The body is followed once; control then continues after the loop
    /// with the state it had before, unless [`StmtShape::is_endless`] says it never ends.
    Loop(Option<Node<'t>>),
    /// A loop whose body counts as run once: a `do ... while`, or any loop in a language that
    /// takes an end inside a loop body to count after it. Like [`Stmt::Loop`], but control
    /// continues with the state the body falls through with (the state before, when every path
    /// through the body leaves), through `then` first when present.
    LoopOnce {
        /// The loop's body.
        body: Option<Node<'t>>,
        /// What runs when the loop finishes normally (Python's loop `else`).
        then: Option<Node<'t>>,
    },
    /// `try`/`catch`/`finally`. A `finally` that ends the span on every path through it covers
    /// the whole statement; otherwise the body (followed by its `else`) and the catch clauses
    /// are branches, and the `finally` runs after those that continue.
    Try {
        /// The guarded block.
        body: Option<Node<'t>>,
        /// What runs when the body completes without an exception (Python's `try ... else`).
        otherwise: Option<Node<'t>>,
        /// The node whose named children include the catch clauses (usually the `try` itself),
        /// read through [`StmtShape::catch`].
        clauses: Node<'t>,
        /// The body of the `finally` clause.
        finally: Option<Node<'t>>,
    },
    /// A scoped resource (`using`, `with`, try-with-resources): the body runs once, and the
    /// resource is released when the scope closes on any path. When the resource's release ends
    /// the span ([`StmtShape::effect`] of the resource is [`Effect::Ends`]) the whole
    /// statement is covered, like a `finally` that ends it.
    Scoped {
        /// What is released at the end of the scope, when it can end the span.
        resource: Option<Node<'t>>,
        /// The scope's body.
        body: Option<Node<'t>>,
    },
    /// A statement that runs one inner statement once: a label, C#'s `lock` or `unsafe`.
    Inner(Node<'t>),
    /// `defer expr`: the expression runs at every exit that follows, so when it ends the span
    /// the span counts as ended from here on.
    Defer(Node<'t>),
    /// `return`: an exit; a leak when the span is open.
    Return,
    /// An exit whose value runs first (`return span.end()`, or a `raise` where the language
    /// counts it as a return): a leak when the span is open and the value's
    /// [`StmtShape::effect`] does not end it.
    ReturnValue(Node<'t>),
    /// `throw`: an exit; a leak when the span is open, nothing catches it here and the language
    /// counts thrown exits ([`StmtShape::THROW_LEAKS`]).
    Throw,
    /// `break`: leaves the sequence it is in, with the current state.
    Break,
    /// `continue`: leaves the sequence it is in, with the current state.
    Continue,
    /// Control leaves and nothing is reported: the process exits, a `goto`, or a statement too
    /// broken to follow.
    Exit,
    /// An expression statement, read through [`StmtShape::effect`].
    Expr(Node<'t>),
    /// Anything else: control passes through unchanged.
    Other,
}

/// A sequence of statements: the named children of `node` from the `skip`th on that
/// [`StmtShape::is_statement`] accepts.
#[derive(Clone, Copy)]
pub struct Seq<'t> {
    /// The node whose named children are the statements.
    pub node: Node<'t>,
    /// How many leading named children are not statements (a `case` clause's value).
    pub skip: usize,
}

impl<'t> Seq<'t> {
    /// Every named child of `node` is a candidate statement.
    pub fn all(node: Node<'t>) -> Self {
        Seq { node, skip: 0 }
    }
}

/// One arm of a [`Stmt::Switch`].
#[derive(Clone, Copy)]
pub struct Arm<'t> {
    /// The arm's statements (`None`: an empty arm).
    pub body: Option<Seq<'t>>,
    /// Whether this is the default arm, taken when no other is.
    pub default: bool,
}

/// One catch clause of a [`Stmt::Try`].
#[derive(Clone, Copy)]
pub struct Catch<'t> {
    /// The statement run when the clause catches (`None`: nothing to follow).
    pub body: Option<Node<'t>>,
}

/// What an expression does to the tracked span.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Effect {
    /// Nothing the walker needs to know.
    Continues,
    /// Ends the span (`span.End()`, `span.end()`, `activity.Stop()`).
    Ends,
    /// Hands the span to code that owns its end from here on; later exits are not leaks.
    HandsOff,
    /// Leaves without returning: the process exits or the function unwinds (`panic`,
    /// `log.Fatal`, `process.exit`). Nothing is reported.
    Exits,
    /// Continues, but may throw on the way: reached with the span open and nothing catching,
    /// the statement is a possible thrown exit ([`Exits::throws`]).
    MayThrow,
}

/// What a language tells the walker about its statements, for one tracked span.
///
/// An adapter is built per span (it knows the span's variable), so [`StmtShape::effect`] can
/// answer for that span only.
pub trait StmtShape<'t> {
    /// Whether a `throw` that nothing catches inside the function, reached with the span open,
    /// is a leak.
    const THROW_LEAKS: bool;
    /// Whether a `catch` around the span's start (the body of a `try` that the walk climbs out
    /// of) catches what is thrown on the way out. When not, only a `try` entered during the walk
    /// catches.
    const CLIMB_SEES_CATCH: bool = false;
    /// Whether a `finally` or a scoped resource around the span's start that ends it covers the
    /// exits met inside it on the climb out. When not, the language decides that before the
    /// walk.
    const COVERS_ON_CLIMB: bool = true;
    /// Whether catch clauses are entered ended when the `try` body's first statement ends the
    /// span (an exception is taken to come from the statements after it). When not, they are
    /// entered with the state before the body.
    const CATCH_AFTER_FIRST: bool = false;
    /// Whether a statement met with the span already ended is taken to let control continue
    /// without being followed: only an exit statement itself (`return`, `throw`) leaves, and a
    /// compound statement whose every path leaves still counts as continuing. The blocks of a
    /// compound statement being followed are still followed statement by statement.
    const ENDED_CONTINUES: bool = false;
    /// Whether a span started in a nested block is followed out into the statements of the
    /// function body itself. When not, leaving the nested blocks without every path having
    /// left the function stops the analysis and the span counts as ended.
    const CLIMBS_INTO_BODY: bool;

    /// The shape of a statement.
    fn stmt(&self, node: Node<'t>) -> Stmt<'t>;
    /// The statement sequence that `node` is, when it is one (a block, a case clause): the
    /// walker climbs from a span's start through these.
    fn sequence(&self, node: Node<'t>) -> Option<Seq<'t>>;
    /// Whether a named child of a sequence is a statement (not a comment, not a label).
    fn is_statement(&self, node: Node<'t>) -> bool;
    /// The arm that a named child of a [`Stmt::Switch`] is, when it is one.
    fn arm(&self, node: Node<'t>) -> Option<Arm<'t>>;
    /// The catch clause that a named child of a [`Stmt::Try`]'s `clauses` is, when it is one.
    fn catch(&self, _node: Node<'t>) -> Option<Catch<'t>> {
        None
    }
    /// What an expression statement's expression (or a deferred call, or a scoped resource)
    /// does to the span.
    fn effect(&self, expr: Node<'t>) -> Effect;
    /// Whether an `if` without an `else` (`if_stmt`, the node whose shape is the [`Stmt::If`])
    /// runs its branch only when there is a span to end (`if span:`): when its condition fails,
    /// control continues as ended.
    fn guards(&self, _if_stmt: Node<'t>) -> bool {
        false
    }
    /// Whether a `finally` body ends the span on every path, when the language decides that
    /// without following the body (`None`: follow it).
    fn finally_ends(&self, _finally: Node<'t>) -> Option<bool> {
        None
    }
    /// Whether a [`Stmt::Loop`] never lets control reach the statement after it (no condition
    /// and no `break` that leaves it). Asked after its body is followed.
    fn is_endless(&self, _loop_stmt: Node<'t>) -> bool {
        false
    }
    /// Whether a node is a function (a declaration, a closure): the walker never climbs out
    /// of one.
    fn is_function(&self, node: Node<'t>) -> bool;
}

/// The body of the function a span lives in.
#[derive(Clone, Copy)]
pub struct Body<'t> {
    /// The body's own statements.
    pub seq: Seq<'t>,
    /// Where falling off the end of the function is reported (the closing brace); `None` when
    /// falling off the end is not an exit to report (a method that must return a value).
    pub close: Option<Node<'t>>,
}

/// The exits of a walk, in the order the walk meets them.
pub struct Exits<'t> {
    /// Exits reached with the span open.
    pub leaks: Vec<Node<'t>>,
    /// Statements that may throw ([`Effect::MayThrow`]) reached with the span open and nothing
    /// catching.
    pub throws: Vec<Node<'t>>,
}

/// The exits reached from the statement `stmt` (which starts the span) without the span being
/// ended, in the order the walk meets them; `None` when the statement's place cannot be
/// followed (it is not in a sequence, or the walk leaves a nested block where the language
/// stops, see [`StmtShape::CLIMBS_INTO_BODY`]).
pub fn leaks_after<'t, S: StmtShape<'t>>(
    shape: &S,
    stmt: Node<'t>,
    body: Body<'t>,
) -> Option<Vec<Node<'t>>> {
    exits_after(shape, stmt, body).map(|exits| exits.leaks)
}

/// Like [`leaks_after`], with the statements that may throw along the way.
pub fn exits_after<'t, S: StmtShape<'t>>(
    shape: &S,
    stmt: Node<'t>,
    body: Body<'t>,
) -> Option<Exits<'t>> {
    let mut walker = Walker::new(shape);
    let mut node = stmt;
    let mut seq = shape.sequence(stmt.parent()?)?;
    let mut ended = false;
    loop {
        walker.catching = S::CLIMB_SEES_CATCH && walker.caught_around(seq.node);
        match walker.rest(seq, node, ended)? {
            None => return Some(walker.exits),
            Some(state) => ended = state,
        }
        if seq.node.id() == body.seq.node.id() {
            if !ended {
                walker.exits.leaks.extend(body.close);
            }
            return Some(walker.exits);
        }
        // Climb to the statement that holds this sequence, through compound statements.
        let mut up = seq.node;
        loop {
            let parent = up.parent()?;
            if S::COVERS_ON_CLIMB && walker.covers(parent) {
                ended = true;
            }
            if shape.is_function(parent)
                || (!S::CLIMBS_INTO_BODY && parent.id() == body.seq.node.id())
            {
                return None;
            }
            if let Some(outer) = shape.sequence(parent) {
                node = up;
                seq = outer;
                break;
            }
            up = parent;
        }
    }
}

/// The exits of a body entered with the span open (a callback that receives the span), in the
/// order the walk meets them.
pub fn leaks_from<'t, S: StmtShape<'t>>(shape: &S, body: Body<'t>) -> Vec<Node<'t>> {
    let mut walker = Walker::new(shape);
    if walker.seq(body.seq, false) == Some(false) {
        walker.exits.leaks.extend(body.close);
    }
    walker.exits.leaks
}

/// The state of a path: `Some(ended)` when control continues, `None` when every path has left.
type Flow = Option<bool>;

/// One walk for one span.
struct Walker<'s, 't, S> {
    shape: &'s S,
    /// The exits found so far.
    exits: Exits<'t>,
    /// Above zero while following code only to learn its outcome (does a `finally` end the
    /// span, does a `try` body's first statement end it): exits are not recorded.
    muted: u32,
    /// Whether a `catch` around the current statement catches a `throw`.
    catching: bool,
}

impl<'s, 't, S: StmtShape<'t>> Walker<'s, 't, S> {
    fn new(shape: &'s S) -> Self {
        Walker {
            shape,
            exits: Exits {
                leaks: Vec::new(),
                throws: Vec::new(),
            },
            muted: 0,
            catching: false,
        }
    }

    /// Records an exit reached with the span open.
    fn leak(&mut self, exit: Node<'t>, ended: bool) {
        if !ended && self.muted == 0 {
            self.exits.leaks.push(exit);
        }
    }

    /// Whether the sequence `node` sits in the body of a `try` with catch clauses, within the
    /// function.
    fn caught_around(&self, node: Node<'t>) -> bool {
        let mut node = node;
        while let Some(parent) = node.parent() {
            if self.shape.is_function(parent) {
                return false;
            }
            if let Stmt::Try {
                body: Some(body),
                clauses,
                ..
            } = self.shape.stmt(parent)
            {
                if body.id() == node.id() && self.has_catch(clauses) {
                    return true;
                }
            }
            node = parent;
        }
        false
    }

    /// Whether a `try`'s clauses include a catch clause.
    fn has_catch(&self, clauses: Node<'t>) -> bool {
        let shape = self.shape;
        let mut cursor = clauses.walk();
        let found = clauses
            .named_children(&mut cursor)
            .any(|c| shape.catch(c).is_some());
        found
    }

    /// Follows a sequence from its first statement.
    fn seq(&mut self, seq: Seq<'t>, ended: bool) -> Flow {
        let shape = self.shape;
        let mut cursor = seq.node.walk();
        let stmts = seq
            .node
            .named_children(&mut cursor)
            .skip(seq.skip)
            .filter(|n| shape.is_statement(*n));
        self.run(stmts, ended)
    }

    /// Follows a sequence from the statement after `node`; `None` when `node` is not one of
    /// its statements.
    fn rest(&mut self, seq: Seq<'t>, node: Node<'t>, ended: bool) -> Option<Flow> {
        let shape = self.shape;
        let mut cursor = seq.node.walk();
        let mut stmts = seq
            .node
            .named_children(&mut cursor)
            .skip(seq.skip)
            .filter(|n| shape.is_statement(*n));
        stmts.by_ref().find(|s| s.id() == node.id())?;
        Some(self.run(stmts, ended))
    }

    fn run(&mut self, stmts: impl Iterator<Item = Node<'t>>, ended: bool) -> Flow {
        let mut state = ended;
        for stmt in stmts {
            match self.shape.stmt(stmt) {
                Stmt::Break | Stmt::Continue => return Some(state),
                shape => state = self.step(stmt, shape, state)?,
            }
        }
        Some(state)
    }

    fn stmt(&mut self, node: Node<'t>, ended: bool) -> Flow {
        let shape = self.shape.stmt(node);
        self.step(node, shape, ended)
    }

    /// Follows an optional statement: an absent one passes control through.
    fn branch(&mut self, node: Option<Node<'t>>, ended: bool) -> Flow {
        match node {
            Some(n) => self.stmt(n, ended),
            None => Some(ended),
        }
    }

    fn step(&mut self, node: Node<'t>, shape: Stmt<'t>, ended: bool) -> Flow {
        if S::ENDED_CONTINUES
            && ended
            && !matches!(
                shape,
                Stmt::Block(_) | Stmt::Return | Stmt::ReturnValue(_) | Stmt::Throw | Stmt::Exit
            )
        {
            return Some(true);
        }
        match shape {
            Stmt::Block(seq) => self.seq(seq, ended),
            Stmt::If { then, otherwise } => {
                let then = self.branch(then, ended);
                let otherwise = match otherwise {
                    Some(n) => self.stmt(n, ended),
                    None => Some(ended || self.shape.guards(node)),
                };
                combine(then, otherwise)
            }
            Stmt::Switch(arms) => self.switch(arms, ended),
            Stmt::Loop(body) => {
                let _ = self.branch(body, ended);
                if self.shape.is_endless(node) {
                    None
                } else {
                    Some(ended)
                }
            }
            Stmt::LoopOnce { body, then } => {
                let after = self.branch(body, ended);
                if self.shape.is_endless(node) {
                    None
                } else {
                    self.branch(then, after.unwrap_or(ended))
                }
            }
            Stmt::Try {
                body,
                otherwise,
                clauses,
                finally,
            } => self.try_stmt(body, otherwise, clauses, finally, ended),
            Stmt::Scoped { resource, body } => {
                if resource.is_some_and(|r| self.ends(r)) {
                    return Some(true);
                }
                self.branch(body, ended)
            }
            Stmt::Inner(inner) => self.stmt(inner, ended),
            Stmt::Defer(expr) => Some(ended || self.ends(expr)),
            Stmt::Return => {
                self.leak(node, ended);
                None
            }
            Stmt::ReturnValue(value) => {
                if !self.ends(value) {
                    self.leak(node, ended);
                }
                None
            }
            Stmt::Throw => {
                if S::THROW_LEAKS && !self.catching {
                    self.leak(node, ended);
                }
                None
            }
            Stmt::Exit => None,
            Stmt::Expr(expr) => match self.shape.effect(expr) {
                Effect::Ends | Effect::HandsOff => Some(true),
                Effect::Exits => None,
                Effect::MayThrow => {
                    if !ended && !self.catching && self.muted == 0 {
                        self.exits.throws.push(node);
                    }
                    Some(ended)
                }
                Effect::Continues => Some(ended),
            },
            Stmt::Break | Stmt::Continue | Stmt::Other => Some(ended),
        }
    }

    /// Whether running `expr` ends the span (or hands it off).
    fn ends(&self, expr: Node<'t>) -> bool {
        matches!(self.shape.effect(expr), Effect::Ends | Effect::HandsOff)
    }

    fn switch(&mut self, arms: Node<'t>, ended: bool) -> Flow {
        let shape = self.shape;
        let mut result = None;
        let mut has_default = false;
        let mut cursor = arms.walk();
        for child in arms.named_children(&mut cursor) {
            let Some(arm) = shape.arm(child) else {
                continue;
            };
            has_default |= arm.default;
            let flow = match arm.body {
                Some(seq) => self.seq(seq, ended),
                None => Some(ended),
            };
            result = combine(result, flow);
        }
        if !has_default {
            result = combine(result, Some(ended));
        }
        result
    }

    fn try_stmt(
        &mut self,
        body: Option<Node<'t>>,
        otherwise: Option<Node<'t>>,
        clauses: Node<'t>,
        finally: Option<Node<'t>>,
        ended: bool,
    ) -> Flow {
        if finally.is_some_and(|f| self.finally_ends(f)) {
            return Some(true);
        }
        let shape = self.shape;
        let has_catch = self.has_catch(clauses);
        let outer = self.catching;
        self.catching = outer || has_catch;
        let mut after = self.branch(body, ended);
        self.catching = outer;
        if let (Some(state), Some(o)) = (after, otherwise) {
            after = self.stmt(o, state);
        }
        if has_catch {
            let entry = ended || (S::CATCH_AFTER_FIRST && body.is_some_and(|b| self.first_ends(b)));
            let mut cursor = clauses.walk();
            for clause in clauses.named_children(&mut cursor) {
                if let Some(Catch { body: Some(b) }) = shape.catch(clause) {
                    let caught = self.stmt(b, entry);
                    after = combine(after, caught);
                }
            }
        }
        match (after, finally) {
            (Some(state), Some(f)) => self.stmt(f, state),
            (after, _) => after,
        }
    }

    /// Whether the first statement of a block (or the statement itself, when not a block),
    /// entered with the span open, ends it.
    fn first_ends(&mut self, body: Node<'t>) -> bool {
        let first = match self.shape.stmt(body) {
            Stmt::Block(seq) => {
                let shape = self.shape;
                let mut cursor = seq.node.walk();
                let found = seq
                    .node
                    .named_children(&mut cursor)
                    .skip(seq.skip)
                    .find(|n| shape.is_statement(*n));
                found
            }
            _ => Some(body),
        };
        let Some(first) = first else {
            return false;
        };
        self.muted += 1;
        let flow = self.stmt(first, false);
        self.muted -= 1;
        flow == Some(true)
    }

    /// Whether a `finally` body, entered with the span open, ends it on every path through.
    fn finally_ends(&mut self, finally: Node<'t>) -> bool {
        if let Some(ends) = self.shape.finally_ends(finally) {
            return ends;
        }
        let outer = self.catching;
        self.muted += 1;
        self.catching = false;
        let flow = self.stmt(finally, false);
        self.muted -= 1;
        self.catching = outer;
        flow == Some(true)
    }

    /// Whether a statement that the climb passes through ends the span on every path out of
    /// it, whatever happened inside: a `finally` or a scoped resource that ends it.
    fn covers(&mut self, node: Node<'t>) -> bool {
        match self.shape.stmt(node) {
            Stmt::Try {
                finally: Some(f), ..
            } => self.finally_ends(f),
            Stmt::Scoped {
                resource: Some(r), ..
            } => self.ends(r),
            _ => false,
        }
    }
}
