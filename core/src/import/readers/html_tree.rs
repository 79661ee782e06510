//! The tree html5ever builds the page into: a flat arena of nodes (no
//! recursion anywhere, so deep markup cannot overflow the stack), keeping
//! only what the reader needs: element names, attributes, text.
//!
//! It also measures the tree as it grows: past [`MAX_DEPTH`] or
//! [`MAX_NODES`] it raises a flag, and the feeder stops parsing (html5ever's
//! scope checks are linear in the depth, so deep markup is quadratic).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, QualName};

/// Far deeper than any report (Word's HTML nests tables in about 20).
pub const MAX_DEPTH: u32 = 512;
/// About 50 times the largest published page (about 2,000 elements and as
/// many text nodes).
pub const MAX_NODES: usize = 200_000;

pub type Id = usize;
pub const DOCUMENT: Id = 0;

pub enum Data {
    Document,
    /// `template` holds a `<template>`'s contents (a [`Data::Hidden`] node).
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template: Option<Id>,
    },
    Text(String),
    /// Comments, processing instructions, template contents: never shown.
    Hidden,
}

pub struct Node {
    pub parent: Option<Id>,
    pub children: Vec<Id>,
    pub data: Data,
    depth: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
    Depth,
    Nodes,
}

pub struct Tree {
    pub nodes: RefCell<Vec<Node>>,
    pub overflow: Cell<Option<Overflow>>,
}

impl Tree {
    pub fn new() -> Tree {
        let document = Node { parent: None, children: Vec::new(), data: Data::Document, depth: 0 };
        Tree { nodes: RefCell::new(vec![document]), overflow: Cell::new(None) }
    }

    fn push(&self, data: Data) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.len() >= MAX_NODES {
            self.overflow.set(Some(Overflow::Nodes));
        }
        nodes.push(Node { parent: None, children: Vec::new(), data, depth: 0 });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], child: Id) {
        if let Some(parent) = nodes[child].parent.take() {
            nodes[parent].children.retain(|&c| c != child);
        }
    }

    /// Puts `child` into `parent` at `index` (the end when `None`); text
    /// joins a text node it lands next to, as in the DOM.
    fn insert(&self, parent: Id, index: Option<usize>, child: NodeOrText<Id>) {
        let mut nodes = self.nodes.borrow_mut();
        let at = index.unwrap_or(nodes[parent].children.len());
        let id = match child {
            NodeOrText::AppendText(text) => {
                let before = at.checked_sub(1).map(|i| nodes[parent].children[i]);
                if let Some(Data::Text(existing)) = before.map(|b| &mut nodes[b].data) {
                    existing.push_str(&text);
                    return;
                }
                drop(nodes);
                let id = self.push(Data::Text(text.to_string()));
                nodes = self.nodes.borrow_mut();
                id
            }
            NodeOrText::AppendNode(id) => {
                Tree::detach(&mut nodes, id);
                id
            }
        };
        // Detaching may have shifted the index within the same parent.
        let at = at.min(nodes[parent].children.len());
        nodes[parent].children.insert(at, id);
        nodes[id].parent = Some(parent);
        let depth = nodes[parent].depth + 1;
        nodes[id].depth = depth;
        if depth > MAX_DEPTH {
            self.overflow.set(Some(Overflow::Depth));
        }
    }

    fn index_in_parent(&self, node: Id) -> Option<(Id, usize)> {
        let nodes = self.nodes.borrow();
        let parent = nodes[node].parent?;
        let index = nodes[parent].children.iter().position(|&c| c == node)?;
        Some((parent, index))
    }
}

/// An element's name, owned (the arena lives in a `RefCell`).
#[derive(Debug)]
pub struct Name(QualName);

impl html5ever::interface::ElemName for Name {
    fn ns(&self) -> &html5ever::Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &html5ever::LocalName {
        &self.0.local
    }
}

impl TreeSink for Tree {
    type Handle = Id;
    type Output = Tree;
    type ElemName<'a> = Name;

    fn finish(self) -> Tree {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Name {
        match &self.nodes.borrow()[*target].data {
            Data::Element { name, .. } => Name(name.clone()),
            // html5ever asks only for elements' names.
            _ => Name(QualName::new(None, html5ever::ns!(), html5ever::local_name!(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        // Template contents go to a detached node of their own: never shown.
        let template = flags.template.then(|| self.push(Data::Hidden));
        self.push(Data::Element { name, attrs, template })
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.push(Data::Hidden)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.push(Data::Hidden)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public: StrTendril, _system: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        let template = match &self.nodes.borrow()[*target].data {
            Data::Element { template, .. } => *template,
            _ => None,
        };
        template.unwrap_or_else(|| self.push(Data::Hidden))
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, child: NodeOrText<Id>) {
        if let Some((parent, index)) = self.index_in_parent(*sibling) {
            self.insert(parent, Some(index), child);
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, new: Vec<Attribute>) {
        if let Data::Element { attrs, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for attr in new {
                if !attrs.iter().any(|a| a.name == attr.name) {
                    attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        Tree::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        let depth = nodes[*new_parent].depth + 1;
        for &child in &children {
            nodes[child].parent = Some(*new_parent);
            // Only the moved nodes' own depth: close enough for a limit.
            nodes[child].depth = depth;
        }
        nodes[*new_parent].children.extend(children);
    }
}
