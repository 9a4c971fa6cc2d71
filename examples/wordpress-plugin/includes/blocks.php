<?php
/**
 * The block markup the plugin stores in a post: the service's `wordpress` output (native
 * blocks) where the service has it, otherwise its HTML fragment inside one Custom HTML block.
 */

if ( ! function_exists( 'qaformat_block_markup' ) ) {
	/**
	 * @param Qaformat_Client $client  The service.
	 * @param string          $input   The transcript.
	 * @param array           $options Query options (preset, labels, title, note, speakers).
	 * @return string Block markup for post_content.
	 * @throws Qaformat_Error When the service refuses the transcript or cannot be reached.
	 */
	function qaformat_block_markup( $client, $input, array $options = array() ) {
		if ( $client->has_output( 'wordpress' ) ) {
			$answer = $client->convert( $input, 'wordpress', $options );
			return $answer['body'];
		}
		$options['standalone'] = false;
		$answer                = $client->convert( $input, 'html', $options );
		return "<!-- wp:html -->\n" . rtrim( $answer['body'], "\n" ) . "\n<!-- /wp:html -->\n";
	}
}
