// The window application's entry point (app/gui/), kept apart from the command line.
#pragma once

namespace optirace {

int runGui(int argc, char** argv);

}  // namespace optirace
