// libxml2 initialisation and quiet errors; see libxml_setup.h.
#include "ingest/libxml_setup.h"

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

namespace newsarchive {
namespace {

void ignore_message(void*, const char*, ...) {}

}  // namespace

void ensure_libxml_initialized() {
  static const bool initialized = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialized;
}

QuietLibxmlErrors::QuietLibxmlErrors()
    : saved_handler_(xmlGenericError), saved_context_(xmlGenericErrorContext) {
  ensure_libxml_initialized();
  xmlSetGenericErrorFunc(nullptr, &ignore_message);
}

QuietLibxmlErrors::~QuietLibxmlErrors() {
  xmlSetGenericErrorFunc(saved_context_, saved_handler_);
}

}  // namespace newsarchive
