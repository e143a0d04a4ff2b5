// A small WSDL for the operations Poise serves (GET /axl/?wsdl): document/literal, the 12.5 AXL namespace and
// Cisco's SOAPAction strings (axl.md §1), so generic SOAP clients can call a live server. The message types are
// open (xsd:any): the operation sections of axl.md are the contract, not this file.
import { escapeXML } from '../../shared/xml/index.ts';
import { OPERATIONS } from './operations/index.ts';
import { namespaceFor, WSDL_VERSION } from './versions.ts';

const SERVICE_NS = 'http://www.cisco.com/AXLAPIService/';

export function renderWsdl(location: string, operations: readonly string[] = Object.keys(OPERATIONS)): string {
  const axlNs = namespaceFor(WSDL_VERSION);
  const elements = operations.flatMap((op) => [
    `<xsd:element name="${op}" type="axlapi:Open"/>`, `<xsd:element name="${op}Response" type="axlapi:Open"/>`]);
  const messages = operations.flatMap((op) => [
    `<message name="${op}In"><part name="request" element="axlapi:${op}"/></message>`,
    `<message name="${op}Out"><part name="response" element="axlapi:${op}Response"/></message>`]);
  const portOps = operations.map((op) =>
    `<operation name="${op}"><input message="tns:${op}In"/><output message="tns:${op}Out"/></operation>`);
  const bindingOps = operations.map((op) =>
    `<operation name="${op}"><soap:operation soapAction="CUCM:DB ver=${WSDL_VERSION} ${op}"/>`
    + '<input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<definitions name="AXLAPIService" targetNamespace="${SERVICE_NS}" xmlns="http://schemas.xmlsoap.org/wsdl/"`,
    ` xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xsd="http://www.w3.org/2001/XMLSchema"`,
    ` xmlns:tns="${SERVICE_NS}" xmlns:axlapi="${axlNs}">`,
    `<types><xsd:schema targetNamespace="${axlNs}" elementFormDefault="unqualified" attributeFormDefault="unqualified">`,
    '<xsd:complexType name="Open"><xsd:sequence>',
    '<xsd:any minOccurs="0" maxOccurs="unbounded" processContents="skip"/></xsd:sequence>',
    '<xsd:attribute name="sequence" type="xsd:unsignedLong"/></xsd:complexType>',
    ...elements, '</xsd:schema></types>',
    ...messages,
    '<portType name="AXLPort">', ...portOps, '</portType>',
    '<binding name="AXLAPIBinding" type="tns:AXLPort">',
    '<soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>', ...bindingOps, '</binding>',
    `<service name="AXLAPIService"><port name="AXLAPIService" binding="tns:AXLAPIBinding">`,
    `<soap:address location="${escapeXML(location)}"/></port></service>`,
    '</definitions>',
  ].join('\n');
}
