// The XML toolkit shared by AXL and XMPP: one strict parser and ltx for building and serialising.
export { parseXml, DEFAULT_XML_LIMITS, type XmlLimits, type XmlParseResult } from './parse.ts';
export { XmlError, type XmlErrorCondition } from './xml-error.ts';
export { Element, createElement, escapeXML, escapeXMLText } from 'ltx';
export { childElement, childElements, childText, serialize, XML_DECLARATION } from './elements.ts';
