<?php
/**
 * The client from the command line, as the tests and a shell use it:
 *
 *     php bin/qaformat-convert.php URL FORMAT INPUT [QUERY]   # the output on standard output
 *     php bin/qaformat-convert.php URL block INPUT            # the block markup the plugin stores
 *
 * QUERY is a URL query string of options (preset=newsroom&title=...). The token, if the service
 * wants one, comes from the QAFORMAT_TOKEN environment variable. Errors: one line on standard
 * error, "qaformat: error: CODE (STATUS): DETAIL", and exit status 2.
 */

require __DIR__ . '/../includes/class-qaformat-client.php';
require __DIR__ . '/../includes/blocks.php';

if ( $argc < 4 ) {
	fwrite( STDERR, "usage: php qaformat-convert.php URL FORMAT|block INPUT [QUERY]\n" );
	exit( 2 );
}
list( , $url, $format, $path ) = $argv;
$options                       = array();
if ( isset( $argv[4] ) ) {
	parse_str( $argv[4], $options );
}
$input = file_get_contents( $path );
if ( false === $input ) {
	fwrite( STDERR, "qaformat: error: cannot read $path\n" );
	exit( 2 );
}
$client = new Qaformat_Client( $url, getenv( 'QAFORMAT_TOKEN' ) ?: null );
try {
	if ( 'block' === $format ) {
		echo qaformat_block_markup( $client, $input, $options );
	} else {
		$answer = $client->convert( $input, $format, $options, basename( $path ) );
		echo $answer['body'];
	}
} catch ( Qaformat_Error $error ) {
	fwrite( STDERR, 'qaformat: error: ' . $error->problem_code . ' (' . $error->status . '): ' . $error->getMessage() . "\n" );
	exit( 2 );
}
