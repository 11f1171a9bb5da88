/** Modules that talk HTTP from the controller: get_url and uri, and the shared client they use. */
package meshplay.modules.net;
