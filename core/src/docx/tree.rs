//! A small element tree over quick-xml events, for the edits a stream cannot
//! make: reordering an element's children.

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};

pub enum Node {
    Element(Element),
    /// Text, the XML declaration, comments: written back as read.
    Other(Event<'static>),
}

pub struct Element {
    pub start: BytesStart<'static>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn name(&self) -> &[u8] {
        self.start.name().into_inner()
    }

    pub fn new(name: &str) -> Element {
        Element { start: BytesStart::new(name.to_string()), children: Vec::new() }
    }
}

/// The nodes of `xml`; `None` if it is not well-formed.
pub fn parse(xml: &[u8]) -> Option<Vec<Node>> {
    let text = std::str::from_utf8(xml).ok()?;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut top = Vec::new();
    loop {
        let node = match reader.read_event().ok()? {
            Event::Eof => break,
            Event::Start(e) => {
                stack.push(Element { start: e.into_owned(), children: Vec::new() });
                continue;
            }
            Event::End(_) => Node::Element(stack.pop()?),
            Event::Empty(e) => Node::Element(Element { start: e.into_owned(), children: Vec::new() }),
            other => Node::Other(other.into_owned()),
        };
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => top.push(node),
        }
    }
    stack.is_empty().then_some(top)
}

/// `nodes` as XML; an element without children is written as an empty tag.
pub fn write(nodes: &[Node]) -> Vec<u8> {
    fn put(w: &mut Writer<Vec<u8>>, node: &Node) -> std::io::Result<()> {
        match node {
            Node::Other(event) => w.write_event(event.borrow()),
            Node::Element(e) if e.children.is_empty() => w.write_event(Event::Empty(e.start.borrow())),
            Node::Element(e) => {
                w.write_event(Event::Start(e.start.borrow()))?;
                for child in &e.children {
                    put(w, child)?;
                }
                w.write_event(Event::End(BytesEnd::new(String::from_utf8_lossy(e.name()))))
            }
        }
    }
    let mut w = Writer::new(Vec::new());
    for node in nodes {
        // Writing into memory cannot fail.
        put(&mut w, node).expect("writing XML into memory");
    }
    w.into_inner()
}

/// Calls `f` on every element, parents before their children.
pub fn visit(nodes: &mut [Node], f: &mut impl FnMut(&mut Element)) {
    for node in nodes {
        if let Node::Element(e) = node {
            f(e);
            visit(&mut e.children, f);
        }
    }
}
